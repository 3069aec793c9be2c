package org.alliancechain.evidence.pdf;

import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.ICrlClient;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ISignatureMechanismParams;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.P256Signing;
import org.alliancechain.evidence.pki.SigningIdentity;
import org.alliancechain.evidence.tsa.TimeStamper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signs a PDF as PAdES baseline B-T (default), B-LT or B-LTA, for the issuing organisation, with a
 * signature time-stamp from the configured {@link TimeStamper}. B-LT and B-LTA add the chain and
 * the CRLs (document security store) so the signature can be validated after the certificates expire;
 * B-LTA adds a document time-stamp over all of it.
 */
public final class PadesSigner {

    /** The name of the issuer's signature field. */
    public static final String FIELD_NAME = "IssuerSignature";

    /** The PAdES baseline levels we produce. */
    public enum Level { B_T, B_LT, B_LTA }

    static {
        if (java.security.Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            java.security.Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final TimeStamper timeStamper;
    private final Function<X509Certificate, Optional<X509CRL>> crls;

    /**
     * @param timeStamper the source of signature and document time-stamps
     * @param crls        the current CRL of a certificate's issuer (signer's CA, TSA's CA), embedded for B-LT and B-LTA
     */
    public PadesSigner(TimeStamper timeStamper, Function<X509Certificate, Optional<X509CRL>> crls) {
        this.timeStamper = timeStamper;
        this.crls = crls;
    }

    public byte[] sign(byte[] pdf, SigningIdentity signer, Level level, String reason, String location) {
        return sign(pdf, signer, level, reason, location, FIELD_NAME);
    }

    /**
     * As {@link #sign(byte[], SigningIdentity, Level, String, String)}, in a signature field of the given
     * name: a later signer of a document already signed (an agreement signed by one party, then by the
     * other, each in its own revision) needs a field of its own.
     */
    public byte[] sign(byte[] pdf, SigningIdentity signer, Level level, String reason, String location, String fieldName) {
        var out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
        try {
            var pades = new PdfPadesSigner(new PdfReader(new ByteArrayInputStream(pdf)), out)
                    .setStampingProperties(new StampingProperties().useAppendMode());
            var properties = new SignerProperties().setFieldName(fieldName).setReason(reason).setLocation(location);
            Certificate[] chain = signer.chain().toArray(Certificate[]::new);
            var signature = externalSignature(signer);
            var tsa = new TsaClient(timeStamper);
            switch (level) {
                case B_T -> pades.signWithBaselineTProfile(properties, chain, signature, tsa);
                case B_LT -> {
                    pades.setCrlClient(crlClient());
                    pades.signWithBaselineLTProfile(properties, chain, signature, tsa);
                }
                case B_LTA -> {
                    pades.setCrlClient(crlClient());
                    pades.signWithBaselineLTAProfile(properties, chain, signature, tsa);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the certificate: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The CMS signature container (CAdES-detached, as PAdES requires) over the SHA-256 digest of a
     * document's signed byte ranges, with the signer's chain, the ESS signing-certificate-v2 attribute
     * and a signature time-stamp: what {@link #sign} puts into a PDF at B-T, for a writer that
     * reserved the place itself ({@link CertificateRenderer#renderSigned}).
     */
    byte[] container(byte[] documentDigest, SigningIdentity signer) {
        try {
            Certificate[] chain = signer.chain().toArray(Certificate[]::new);
            var cms = new PdfPKCS7(null, chain, "SHA256", null, new com.itextpdf.signatures.BouncyCastleDigest(), false);
            byte[] attributes = cms.getAuthenticatedAttributeBytes(documentDigest, PdfSigner.CryptoStandard.CADES, null, null);
            var signature = externalSignature(signer);
            cms.setExternalSignatureValue(signature.sign(attributes), null, signature.getSignatureAlgorithmName(),
                    signature.getSignatureMechanismParameters());
            return cms.getEncodedPKCS7(documentDigest, PdfSigner.CryptoStandard.CADES, new TsaClient(timeStamper), null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A document being written by {@link PdfA3Writer}, finished with a B-T signature in its only revision
     * (nothing parsed back). Room for the container: the size the last one needed and some (a verifier
     * reads every byte of it); written again, larger, on the rare document whose container outgrows it.
     */
    byte[] signInOnePass(PdfA3Writer pdf, SigningIdentity identity, String reason, String location) {
        int reserved = lastContainer == 0 ? 16 * 1024 : lastContainer + 512;
        while (true) {
            try {
                return pdf.finish(new PdfA3Writer.Signature(FIELD_NAME, reason, location, reserved, digest -> {
                    byte[] container = container(digest, identity);
                    lastContainer = container.length;
                    return container;
                }));
            } catch (PdfA3Writer.SignatureTooLarge e) {
                reserved = e.size + 512;
            }
        }
    }

    private volatile int lastContainer;

    /** P-256 software keys through {@link P256Signing}; any other key through the JCA. */
    private static IExternalSignature externalSignature(SigningIdentity signer) {
        if (!P256Signing.supports(signer.privateKey())) {
            return new PrivateKeySignature(signer.privateKey(), "SHA256", BouncyCastleProvider.PROVIDER_NAME);
        }
        return new IExternalSignature() {
            @Override
            public String getDigestAlgorithmName() {
                return "SHA256";
            }

            @Override
            public String getSignatureAlgorithmName() {
                return "ECDSA";
            }

            @Override
            public ISignatureMechanismParams getSignatureMechanismParameters() {
                return null;
            }

            @Override
            public byte[] sign(byte[] message) throws GeneralSecurityException {
                return P256Signing.sign(signer.privateKey(), message);
            }
        };
    }

    /** The issuer's CRL for each certificate iText asks about (the signer's, the TSA's). */
    private ICrlClient crlClient() {
        return (certificate, url) -> {
            var crl = certificate == null ? Optional.<X509CRL>empty() : crls.apply(certificate);
            if (crl.isEmpty()) {
                return null;
            }
            try {
                return List.of(crl.get().getEncoded());
            } catch (java.security.cert.CRLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** iText's time-stamp client over our {@link TimeStamper} (SHA-256 imprints). */
    private record TsaClient(TimeStamper stamper) implements ITSAClient {
        @Override
        public int getTokenSizeEstimate() {
            return 6_000;
        }

        @Override
        public MessageDigest getMessageDigest() throws GeneralSecurityException {
            return MessageDigest.getInstance("SHA-256");
        }

        @Override
        public byte[] getTimeStampToken(byte[] imprint) {
            return stamper.timestamp(HashAlgorithm.SHA256, imprint);
        }
    }
}

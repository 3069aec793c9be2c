package org.alliancechain.einvoice.documents.ofd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Objects;
import org.alliancechain.evidence.HashAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * Seals an OFD per GB/T 38540: ofdrw's {@link OFDSigner} writes Signature.xml (SM3 of every file) and the stamp
 * annotation; our container turns Signature.xml into a SES_Signature v4 with BC 1.83 (ADR 0016).
 */
public final class OfdSealing {

    /**
     * Where the seal's picture is drawn, in millimetres from the page's top left; page is 1-based.
     * {@link #SELLER_SEAL} is where 数电 invoices carry the seller's 发票专用章 (beside 销售方 in the footer).
     */
    public record Stamp(int page, double x, double y, double width, double height) {

        public static final Stamp SELLER_SEAL = new Stamp(1, 150, 100, 40, 30);
    }

    private OfdSealing() {
    }

    /** The sealed copy of {@code ofd}; every file in it is protected (SignMode.WholeProtected). */
    public static byte[] seal(byte[] ofd, ElectronicSeal seal, SealSigner signer, Stamp stamp) {
        return seal(ofd, seal, signer, stamp, Clock.systemUTC());
    }

    static byte[] seal(byte[] ofd, ElectronicSeal seal, SealSigner signer, Stamp stamp, Clock clock) {
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(signer, "signer");
        var out = new ByteArrayOutputStream(ofd.length + seal.encoded().length + 4096);
        try (var reader = new OFDReader(new ByteArrayInputStream(ofd));
             var signerEngine = new OFDSigner(reader, out)) {
            signerEngine.setSignMode(SignMode.WholeProtected);
            signerEngine.setSignContainer(new Container(seal, signer, clock));
            signerEngine.addApPos(new NormalStampPos(stamp.page(), stamp.x(), stamp.y(), stamp.width(), stamp.height()));
            signerEngine.exeSign();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sealing the OFD failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** ofdrw hands over Signature.xml; we return the DER of SES_Signature. */
    private record Container(ElectronicSeal seal, SealSigner signer, Clock clock) implements ExtendSignatureContainer {

        @Override
        public MessageDigest getDigestFnc() {
            // a MessageDigest without registering a provider in the service's JVM
            return new org.bouncycastle.jcajce.provider.digest.SM3.Digest();
        }

        @Override
        public ASN1ObjectIdentifier getSignAlgOID() {
            return SesV4.SM3_WITH_SM2;
        }

        @Override
        public byte[] sign(InputStream signatureXml, String propertyInfo) throws IOException {
            byte[] dataHash = HashAlgorithm.SM3.digest(signatureXml);
            var toBeSigned = SesV4.toBeSigned(ASN1Primitive.fromByteArray(seal.encoded()), clock.instant(), dataHash, propertyInfo);
            byte[] signature = signer.sign(SesV4.der(toBeSigned));
            try {
                return SesV4.der(SesV4.signature(toBeSigned, signer.certificate().getEncoded(), signature));
            } catch (CertificateEncodingException e) {
                throw new IOException("unencodable signer certificate", e);
            }
        }

        @Override
        public byte[] getSeal() {
            return seal.encoded();
        }

        @Override
        public SigType getSignType() {
            return SigType.Seal;
        }
    }
}

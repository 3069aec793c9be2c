package org.alliancechain.evidence.verify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * A PAdES signature's CMS container (CAdES-detached), checked the way the standards say and no
 * further: the digest of the signed byte ranges against the message-digest attribute (computed with
 * the JDK's SHA-2, which uses the processor's SHA instructions), the signature over the signed
 * attributes ({@link EcdsaP256}: a comb table per signer key), the ESS signing-certificate
 * attribute against the signer's certificate, and the signature time-stamp. The chain is ordered by
 * names, not by checking every certificate's signature each time: whether it leads to a trusted root
 * is {@link TrustedPaths}'s question, whose answers are cached.
 */
final class CmsSignature {

    /** Both build large lookup tables when constructed: once per JVM, not per signature. */
    private static final DefaultCMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final DefaultAlgorithmNameFinder ALGORITHM_NAMES = new DefaultAlgorithmNameFinder();
    private static final DefaultSignatureAlgorithmIdentifierFinder SIGNATURE_IDS = new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DigestCalculatorProvider DIGESTS = digests();
    private static final ASN1ObjectIdentifier SIGNATURE_TIMESTAMP = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;
    private static final ASN1ObjectIdentifier ADOBE_REVOCATION = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

    final CMSSignedData cms;
    final SignerInformation signer;
    final X509Certificate certificate;
    final X509Certificate[] chain;

    private CmsSignature(CMSSignedData cms, SignerInformation signer, X509Certificate certificate, X509Certificate[] chain) {
        this.cms = cms;
        this.signer = signer;
        this.certificate = certificate;
        this.chain = chain;
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a signature's /Contents; throws when it is not one CMS signer with its certificate. */
    static CmsSignature read(byte[] contents) throws CMSException, GeneralSecurityException {
        var cms = new CMSSignedData(trimmed(contents));
        var signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new CMSException("the container has " + signers.size() + " signers, not one");
        }
        var signer = signers.iterator().next();
        var converter = new JcaX509CertificateConverter();
        List<X509Certificate> all = new ArrayList<>();
        for (Object holder : cms.getCertificates().getMatches(null)) {
            all.add(converter.getCertificate((X509CertificateHolder) holder));
        }
        @SuppressWarnings("unchecked")
        var matches = (java.util.Collection<X509CertificateHolder>) cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new CMSException("the container does not carry the signer's certificate");
        }
        var certificate = converter.getCertificate(matches.iterator().next());
        return new CmsSignature(cms, signer, certificate, ordered(certificate, all));
    }

    /** The certificates from the signer's up, each issued by the next (by name); the others after. */
    static X509Certificate[] ordered(X509Certificate leaf, List<X509Certificate> all) {
        List<X509Certificate> out = new ArrayList<>();
        out.add(leaf);
        var current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            var issuer = current;
            var next = all.stream().filter(c -> !out.contains(c) && c.getSubjectX500Principal().equals(issuer.getIssuerX500Principal()))
                    .findFirst();
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
            out.add(current);
        }
        all.stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out.toArray(X509Certificate[]::new);
    }

    /** /Contents is zero-padded after the DER value: keep the value (a SEQUENCE, its length read from its header). */
    static byte[] trimmed(byte[] contents) throws CMSException {
        if (contents.length < 2 || contents[0] != 0x30) {
            throw new CMSException("the signature value is not DER: no SEQUENCE at its start");
        }
        int first = contents[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 4 || contents.length < 2 + count) {
                throw new CMSException("the signature value is not DER: bad length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | (contents[2 + i] & 0xff);
            }
            header = 2 + count;
        }
        if (header + length > contents.length) {
            throw new CMSException("the signature value is not DER: it runs past /Contents");
        }
        return Arrays.copyOf(contents, (int) (header + length));
    }

    /** E.g. SHA256withECDSA. */
    String mechanism() {
        var name = SIGNATURE_NAMES.getSignatureName(signer.getDigestAlgorithmID(),
                signer.toASN1Structure().getDigestEncryptionAlgorithm());
        return name.replace("WITH", "with");
    }

    /**
     * Null when the signature holds over the document's signed ranges; else what is wrong.
     *
     * @param pdf   the whole file
     * @param range the /ByteRange (start, length, start, length)
     */
    String checkIntegrity(byte[] pdf, long[] range) {
        try {
            var digestName = ALGORITHM_NAMES.getAlgorithmName(signer.getDigestAlgorithmID().getAlgorithm());
            var digest = MessageDigest.getInstance(digestName);
            digest.update(pdf, (int) range[0], (int) range[1]);
            digest.update(pdf, (int) range[2], (int) range[3]);
            byte[] actual = digest.digest();
            var signed = signer.getSignedAttributes();
            if (signed == null) {
                return "the signature has no signed attributes (CAdES requires them)";
            }
            Attribute messageDigest = signed.get(CMSAttributes.messageDigest);
            Attribute contentType = signed.get(CMSAttributes.contentType);
            if (messageDigest == null || contentType == null) {
                return "the signed attributes lack the content type or the message digest";
            }
            byte[] claimed = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
            if (!MessageDigest.isEqual(actual, claimed)) {
                return "the signed bytes were changed: the digest in the signature does not match";
            }
            if (!EcdsaP256.verify(certificate.getPublicKey(), mechanism(), signer.getEncodedSignedAttributes(), signer.getSignature())) {
                return "the signature value does not hold over the signed attributes";
            }
            Attribute essV2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (essV2 != null) {
                var ids = SigningCertificateV2.getInstance(essV2.getAttrValues().getObjectAt(0)).getCerts();
                var hashName = ALGORITHM_NAMES.getAlgorithmName(ids[0].getHashAlgorithm().getAlgorithm());
                byte[] hash = MessageDigest.getInstance(hashName).digest(certificate.getEncoded());
                if (!Arrays.equals(hash, ids[0].getCertHash())) {
                    return "the signing-certificate attribute names another certificate";
                }
            }
            return null;
        } catch (Exception e) {
            return "the signature cannot be checked: " + e.getMessage();
        }
    }

    /** The signature time-stamp token (unsigned attribute), or null. */
    TimeStampToken timestamp() throws Exception {
        var unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(SIGNATURE_TIMESTAMP);
        if (attribute == null) {
            return null;
        }
        // The parsed value itself: encoding it again only to parse it back cost as much as reading it.
        return new TimeStampToken(new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0))));
    }

    /** Whether the token time-stamps this signature's value. */
    boolean stamps(TimeStampToken token) throws Exception {
        var info = token.getTimeStampInfo();
        var name = ALGORITHM_NAMES.getAlgorithmName(info.getMessageImprintAlgOID());
        return Arrays.equals(MessageDigest.getInstance(name).digest(signer.getSignature()), info.getMessageImprintDigest());
    }

    /** CRLs in the container: its crls field and Adobe's revocation-information attribute. */
    List<X509CRL> crls() {
        List<X509CRL> out = new ArrayList<>();
        var converter = new JcaX509CRLConverter();
        try {
            for (Object holder : cms.getCRLs().getMatches(null)) {
                out.add(converter.getCRL((org.bouncycastle.cert.X509CRLHolder) holder));
            }
            var signed = signer.getSignedAttributes();
            Attribute adobe = signed == null ? null : signed.get(ADOBE_REVOCATION);
            if (adobe != null) {
                var archival = ASN1Sequence.getInstance(adobe.getAttrValues().getObjectAt(0));
                for (ASN1Encodable element : archival) {
                    if (element instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 0) {
                        for (ASN1Encodable crl : ASN1Sequence.getInstance(tagged.getBaseObject().toASN1Primitive())) {
                            out.add(converter.getCRL(new org.bouncycastle.cert.X509CRLHolder(CertificateList.getInstance(crl))));
                        }
                    }
                }
            }
        } catch (Exception e) {
            // unreadable revocation data is no revocation data
        }
        return out;
    }

    /** The token's authority certificate, checked against the token's signature; the token's certificates ordered from it. */
    static X509Certificate[] validateToken(TimeStampToken token) throws Exception {
        @SuppressWarnings("unchecked")
        var holders = (java.util.Collection<X509CertificateHolder>) token.getCertificates().getMatches(token.getSID());
        if (holders.isEmpty()) {
            throw new CMSException("the token does not carry its authority's certificate");
        }
        var converter = new JcaX509CertificateConverter();
        var authority = holders.iterator().next();
        var tsa = converter.getCertificate(authority);
        // P-256 keys through the per-key tables; any other (RSA, RSASSA-PSS with its parameters …) through BouncyCastle's JCA verifier.
        token.validate(EcdsaP256.p256Comb(tsa.getPublicKey()) != null
                ? new SignerInformationVerifier(SIGNATURE_NAMES, SIGNATURE_IDS, EcdsaP256.provider(authority, tsa.getPublicKey()), DIGESTS)
                : new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().setProvider(EcdsaP256.PROVIDER).build(tsa));
        List<X509Certificate> all = new ArrayList<>();
        for (Object holder : token.getCertificates().getMatches(null)) {
            all.add(converter.getCertificate((X509CertificateHolder) holder));
        }
        return ordered(tsa, all);
    }
}

package org.alliancechain.evidence.tsa;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.P256Signing;

/**
 * RFC 3161 time-stamp tokens written directly as DER, in exactly the layout BouncyCastle's
 * {@code TimeStampTokenGenerator} writes (tested byte for byte equal, signature included: the
 * P-256 signatures are deterministic). What is the same in every token — the TSA's certificates, its
 * signer identifier, the algorithm identifiers, the ESS signing-certificate-v2 and CMS
 * algorithm-protection attributes, the policy and accuracy — is taken once from a token
 * BouncyCastle made (the template) and copied; per token only the TSTInfo (imprint, serial, time,
 * nonce), the signing-time and message-digest attributes and the signature are written. Building the
 * CMS structure through ASN.1 objects cost as much as the signature itself (a {@code SimpleDateFormat}
 * made per token among it), and every stamp of every service goes through here.
 *
 * <p>Layout: ContentInfo { signedData, [0] SignedData { version, digestAlgorithms, EncapsulatedContentInfo
 * { id-ct-TSTInfo, [0] OCTET STRING TSTInfo }, [0] certificates (when asked for), SignerInfos { SignerInfo
 * { version, sid, digestAlgorithm, [0] signedAttrs (DER SET OF, sorted), signatureAlgorithm, signature } } } }.
 */
final class TokenEncoder {

    /** 1.2.840.113549.1.9.5 (signingTime) and 1.2.840.113549.1.9.4 (messageDigest), as DER. */
    private static final byte[] SIGNING_TIME = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x09, 0x05};
    private static final byte[] MESSAGE_DIGEST = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x09, 0x04};
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;

    private final PrivateKey key;
    private final byte[] contentType;
    private final byte[] signedDataHead;
    private final byte[] encapsulatedType;
    private final byte[] certificates;
    private final byte[] signerHead;
    private final List<byte[]> constantAttributes = new ArrayList<>();
    private final byte[] signatureAlgorithm;
    private final byte[] tstInfoHead;
    private final byte[] accuracy;

    /**
     * @param key a P-256 software key ({@link P256Signing#supports})
     * @param template a token BouncyCastle made with this key, with certificates and an accuracy
     * @throws IllegalStateException when the template is not laid out as this class writes tokens
     */
    TokenEncoder(PrivateKey key, byte[] template) {
        if (!P256Signing.supports(key)) {
            throw new IllegalArgumentException("not a P-256 software key");
        }
        this.key = key;
        try {
            var contentInfo = Der.Element.at(template, 0);
            var type = contentInfo.first();
            var signedData = type.next().first();
            var version = signedData.first();
            var digestAlgorithms = version.next();
            var encapsulated = digestAlgorithms.next();
            var certificateSet = encapsulated.next();
            var signerInfos = certificateSet.next();
            expect(contentInfo.tag() == 0x30 && type.tag() == 0x06 && signedData.tag() == 0x30 && certificateSet.tag() == 0xA0
                    && signerInfos.tag() == 0x31 && signerInfos.last(signedData), "SignedData");
            contentType = type.encoded();
            signedDataHead = Arrays.copyOfRange(template, version.start(), digestAlgorithms.end());
            certificates = certificateSet.encoded();

            var eContentType = encapsulated.first();
            encapsulatedType = eContentType.encoded();
            var tstInfo = Der.Element.at(template, eContentType.next().first().content());
            var tstVersion = tstInfo.first();
            var policy = tstVersion.next();
            var imprint = policy.next();
            var serial = imprint.next();
            var genTime = serial.next();
            var accuracyElement = genTime.next();
            expect(genTime.tag() == GENERALIZED_TIME && accuracyElement.tag() == 0x30 && accuracyElement.last(tstInfo), "TSTInfo");
            tstInfoHead = Arrays.copyOfRange(template, tstVersion.start(), policy.end());
            accuracy = accuracyElement.encoded();

            var signerInfo = signerInfos.first();
            var signerVersion = signerInfo.first();
            var digestAlgorithm = signerVersion.next().next();
            var attributes = digestAlgorithm.next();
            var signatureAlgorithmElement = attributes.next();
            expect(attributes.tag() == 0xA0 && signerInfo.last(signerInfos) && signatureAlgorithmElement.next().last(signerInfo), "SignerInfo");
            signerHead = Arrays.copyOfRange(template, signerVersion.start(), digestAlgorithm.end());
            signatureAlgorithm = signatureAlgorithmElement.encoded();
            boolean time = false;
            boolean digest = false;
            for (var attribute = attributes.first(); ; attribute = attribute.next()) {
                byte[] oid = attribute.first().encoded();
                if (Arrays.equals(oid, SIGNING_TIME)) {
                    time = true;
                } else if (Arrays.equals(oid, MESSAGE_DIGEST)) {
                    digest = true;
                } else {
                    constantAttributes.add(attribute.encoded());
                }
                if (attribute.last(attributes)) {
                    break;
                }
            }
            expect(time && digest, "signed attributes");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the template token is not laid out as expected: " + e.getMessage(), e);
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException(what);
        }
    }

    /**
     * A token: {@code imprintAlgorithm} is the DER AlgorithmIdentifier of the imprint's hash (as the
     * request gave it), {@code nonce} null when the request had none; genTime in whole seconds.
     */
    byte[] encode(byte[] imprintAlgorithm, byte[] imprint, BigInteger serial, BigInteger nonce, Instant genTime,
                  Instant signingTime, boolean withCertificates) {
        byte[] tstInfo = tstInfo(imprintAlgorithm, imprint, serial, nonce, genTime);
        byte[] messageDigest = HashAlgorithm.SHA256.digest(tstInfo);

        // The signed attributes: the constant ones and the two of this token, in DER's order for a SET OF.
        var attributes = new ArrayList<byte[]>(constantAttributes.size() + 2);
        attributes.addAll(constantAttributes);
        attributes.add(attribute(SIGNING_TIME, signingTime(signingTime)));
        attributes.add(attribute(MESSAGE_DIGEST, primitive(0x04, messageDigest)));
        attributes.sort(Arrays::compareUnsigned);
        int attributesLength = 0;
        for (byte[] attribute : attributes) {
            attributesLength += attribute.length;
        }
        var signed = new Der(Der.element(attributesLength)).header(0x31, attributesLength);
        attributes.forEach(signed::bytes);
        byte[] signedAttributes = signed.done();
        byte[] signature;
        try {
            signature = P256Signing.sign(key, signedAttributes);
        } catch (GeneralSecurityException e) {
            throw new TimeStampException("cannot sign the time-stamp token: " + e.getMessage(), e);
        }

        int signerInfo = signerHead.length + Der.element(attributesLength) + signatureAlgorithm.length + Der.element(signature.length);
        int signerInfos = Der.element(signerInfo);
        int eContent = Der.element(Der.element(tstInfo.length));
        int encapsulated = encapsulatedType.length + eContent;
        int signedData = signedDataHead.length + Der.element(encapsulated) + (withCertificates ? certificates.length : 0)
                + Der.element(signerInfos);
        int contentInfo = contentType.length + Der.element(Der.element(signedData));

        var out = new Der(Der.element(contentInfo));
        out.header(0x30, contentInfo).bytes(contentType);
        out.header(0xA0, Der.element(signedData)).header(0x30, signedData).bytes(signedDataHead);
        out.header(0x30, encapsulated).bytes(encapsulatedType).header(0xA0, Der.element(tstInfo.length)).primitive(0x04, tstInfo);
        if (withCertificates) {
            out.bytes(certificates);
        }
        out.header(0x31, signerInfos).header(0x30, signerInfo).bytes(signerHead);
        // [0] IMPLICIT: the same content as the SET that was signed, under the context tag.
        out.header(0xA0, attributesLength);
        attributes.forEach(out::bytes);
        out.bytes(signatureAlgorithm).primitive(0x04, signature);
        return out.done();
    }

    private byte[] tstInfo(byte[] imprintAlgorithm, byte[] imprint, BigInteger serial, BigInteger nonce, Instant genTime) {
        byte[] serialBytes = serial.toByteArray();
        byte[] nonceBytes = nonce == null ? null : nonce.toByteArray();
        byte[] time = generalizedTime(genTime);
        int messageImprint = imprintAlgorithm.length + Der.element(imprint.length);
        int content = tstInfoHead.length + Der.element(messageImprint) + Der.element(serialBytes.length) + Der.element(time.length)
                + accuracy.length + (nonceBytes == null ? 0 : Der.element(nonceBytes.length));
        var out = new Der(Der.element(content));
        out.header(0x30, content).bytes(tstInfoHead);
        out.header(0x30, messageImprint).bytes(imprintAlgorithm).primitive(0x04, imprint);
        out.primitive(0x02, serialBytes).primitive(GENERALIZED_TIME, time).bytes(accuracy);
        if (nonceBytes != null) {
            out.primitive(0x02, nonceBytes);
        }
        return out.done();
    }

    /** Attribute ::= SEQUENCE { attrType OID, attrValues SET OF value } with one value. */
    private static byte[] attribute(byte[] oid, byte[] value) {
        int set = value.length;
        int content = oid.length + Der.element(set);
        return new Der(Der.element(content)).header(0x30, content).bytes(oid).header(0x31, set).bytes(value).done();
    }

    private static byte[] primitive(int tag, byte[] content) {
        return new Der(Der.element(content.length)).primitive(tag, content).done();
    }

    /** RFC 5652: UTCTime through 2049, GeneralizedTime from 2050. */
    private static byte[] signingTime(Instant time) {
        var utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        return utc.getYear() < 2050 && utc.getYear() >= 1950
                ? primitive(UTC_TIME, digits(utc, false))
                : primitive(GENERALIZED_TIME, digits(utc, true));
    }

    /** YYYYMMDDhhmmssZ: whole seconds, as the token's accuracy (one second) says. */
    private static byte[] generalizedTime(Instant time) {
        return digits(LocalDateTime.ofInstant(time, ZoneOffset.UTC), true);
    }

    private static byte[] digits(LocalDateTime t, boolean fourDigitYear) {
        byte[] out = new byte[fourDigitYear ? 15 : 13];
        int at = 0;
        if (fourDigitYear) {
            at = two(out, at, t.getYear() / 100);
        }
        at = two(out, at, t.getYear() % 100);
        at = two(out, at, t.getMonthValue());
        at = two(out, at, t.getDayOfMonth());
        at = two(out, at, t.getHour());
        at = two(out, at, t.getMinute());
        at = two(out, at, t.getSecond());
        out[at] = 'Z';
        return out;
    }

    private static int two(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }
}

package org.alliancechain.evidence.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.P256Signing;
import org.alliancechain.evidence.pki.SigningIdentity;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The suite's own RFC 3161 time-stamping authority: answers DER time-stamp requests (served over
 * HTTP as {@code application/timestamp-query} → {@code application/timestamp-reply}) and stamps
 * digests in process. Tokens carry the ESS signing-certificate-v2 attribute and the TSA's chain,
 * so {@code openssl ts -verify -CAfile tsa-root.pem} accepts them.
 */
public final class TimeStampAuthority implements TimeStamper {

    /** The TSA policy: an OID under 2.25 (ITU-T X.667, derived from a UUID), so no registry is needed. */
    public static final String POLICY_OID = "2.25." + new BigInteger(1, uuidBytes(UUID.fromString("6f1c7a52-3d0e-4b7a-9d5c-4a1f0e2b7c31")));

    private static final Set<ASN1ObjectIdentifier> ACCEPTED = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512, GMObjectIdentifiers.sm3);

    /** Requests may name no policy or ours: a token under a policy this authority does not operate would mislead. */
    private static final Set<String> POLICIES = Set.of(POLICY_OID);

    /** BouncyCastle's generators hold a Signature instance: one per thread, or concurrent tokens come out corrupt. */
    private final ThreadLocal<Generators> generators;
    private final AtomicLong serial;
    /** Writes the tokens for a P-256 software key (every key of this suite's PKI); null for others (a hardware module's). */
    private final TokenEncoder encoder;
    /** The imprint's AlgorithmIdentifier per hash algorithm, as BouncyCastle's request generator writes it. */
    private final Map<HashAlgorithm, byte[]> imprintAlgorithms = new EnumMap<>(HashAlgorithm.class);

    public TimeStampAuthority(SigningIdentity identity) {
        this.generators = ThreadLocal.withInitial(() -> generator(identity));
        // Serial numbers must be unique per TSA: start from the clock, count up.
        this.serial = new AtomicLong(System.currentTimeMillis() * 1000 + new SecureRandom().nextInt(1000));
        // One token the generic way: fails fast on a key or certificate that cannot sign, and is the template of the others.
        byte[] template = bouncyCastleToken(request(HashAlgorithm.SHA256, new byte[HashAlgorithm.SHA256.digestLength()]), new Date());
        for (var algorithm : HashAlgorithm.values()) {
            try {
                imprintAlgorithms.put(algorithm, request(algorithm, new byte[algorithm.digestLength()]).getMessageImprintAlgID()
                        .getEncoded(ASN1Encoding.DER));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        this.encoder = P256Signing.supports(identity.privateKey()) ? new TokenEncoder(identity.privateKey(), template) : null;
    }

    /** The token generator, and the response generator around it for requests that come as bytes. */
    private record Generators(TimeStampTokenGenerator tokens, TimeStampResponseGenerator responses) {
    }

    private static Generators generator(SigningIdentity identity) {
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            DigestCalculator certIdDigest = digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            var key = identity.privateKey();
            var signerInfo = P256Signing.supports(key)
                    ? new org.bouncycastle.cms.SignerInfoGeneratorBuilder(digests).build(P256Signing.contentSigner(key),
                            new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(identity.certificate()))
                    : new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", key, identity.certificate());
            var tokens = new TimeStampTokenGenerator(signerInfo, certIdDigest, new ASN1ObjectIdentifier(POLICY_OID));
            tokens.addCertificates(new JcaCertStore(identity.chain()));
            tokens.setAccuracySeconds(1);
            return new Generators(tokens, new TimeStampResponseGenerator(tokens, ACCEPTED, POLICIES));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the time-stamping authority: " + e.getMessage(), e);
        }
    }

    /** Answers a DER-encoded TimeStampReq with a DER-encoded TimeStampResp (a rejection for malformed or unsupported requests). */
    public byte[] respond(byte[] request) {
        var responses = generators.get().responses();
        try {
            TimeStampRequest parsed;
            try {
                parsed = new TimeStampRequest(request);
            } catch (IOException | IllegalArgumentException | ClassCastException e) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat, "not a time-stamp request").getEncoded();
            }
            if (encoder == null) {
                return responses.generateGrantedResponse(parsed, BigInteger.valueOf(serial.incrementAndGet()), new Date()).getEncoded();
            }
            parsed.validate(ACCEPTED, POLICIES, null);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] token = encoder.encode(parsed.getMessageImprintAlgID().getEncoded(ASN1Encoding.DER), parsed.getMessageImprintDigest(),
                    BigInteger.valueOf(serial.incrementAndGet()), parsed.getNonce(), now, now, parsed.getCertReq());
            // TimeStampResp ::= SEQUENCE { status PKIStatusInfo { status granted(0) }, timeStampToken }
            int content = GRANTED.length + token.length;
            return new Der(Der.element(content)).header(0x30, content).bytes(GRANTED).bytes(token).done();
        } catch (TSPException e) {
            try {
                return responses.generateRejectedResponse(e).getEncoded();
            } catch (Exception again) {
                throw new TimeStampException("cannot answer the time-stamp request", again);
            }
        } catch (IOException e) {
            throw new TimeStampException("cannot answer the time-stamp request", e);
        }
    }

    /** PKIStatusInfo ::= SEQUENCE { status INTEGER granted(0) }. */
    private static final byte[] GRANTED = {0x30, 0x03, 0x02, 0x01, 0x00};

    /** In process, the request is ours: no nonce (there is no exchange to protect), the TSA's certificates included. */
    @Override
    public byte[] timestamp(HashAlgorithm algorithm, byte[] digest) {
        if (digest == null || digest.length != algorithm.digestLength()) {
            throw new TimeStampException("the time-stamping authority refused: a " + algorithm.id() + " imprint is "
                    + algorithm.digestLength() + " bytes, not " + (digest == null ? "missing" : digest.length));
        }
        if (encoder == null) {
            return bouncyCastleToken(request(algorithm, digest), new Date());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return encoder.encode(imprintAlgorithms.get(algorithm), digest, BigInteger.valueOf(serial.incrementAndGet()), null, now, now, true);
    }

    /** A token over {@code request} the generic way (BouncyCastle's generator); for the template and keys the encoder cannot use. */
    byte[] bouncyCastleToken(TimeStampRequest request, Date genTime) {
        try {
            return generators.get().tokens().generate(request, BigInteger.valueOf(serial.incrementAndGet()), genTime).getEncoded();
        } catch (TSPException | IOException e) {
            throw new TimeStampException("cannot time-stamp: " + e.getMessage(), e);
        }
    }

    /** The same token written by the encoder; null when this authority's key is not one it takes. For the tests. */
    byte[] encodedToken(TimeStampRequest request, BigInteger serialNumber, Instant genTime, Instant signingTime) throws IOException {
        return encoder == null ? null : encoder.encode(request.getMessageImprintAlgID().getEncoded(ASN1Encoding.DER),
                request.getMessageImprintDigest(), serialNumber, request.getNonce(), genTime, signingTime, request.getCertReq());
    }

    private static TimeStampRequest request(HashAlgorithm algorithm, byte[] digest) {
        var request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        return request.generate(oid(algorithm), digest);
    }

    static ASN1ObjectIdentifier oid(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA256 -> TSPAlgorithms.SHA256;
            case SM3 -> GMObjectIdentifiers.sm3;
        };
    }

    private static byte[] uuidBytes(UUID uuid) {
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}

package org.alliancechain.evidence.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.P256Signing;
import org.alliancechain.evidence.pki.SigningIdentity;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.tsp.TimeStampResponse;
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

    /** BouncyCastle's generators hold a Signature instance: one per thread, or concurrent tokens come out corrupt. */
    private final ThreadLocal<Generators> generators;
    private final AtomicLong serial;

    public TimeStampAuthority(SigningIdentity identity) {
        this.generators = ThreadLocal.withInitial(() -> generator(identity));
        generators.get(); // fail fast on a key or certificate that cannot sign
        // Serial numbers must be unique per TSA: start from the clock, count up.
        this.serial = new AtomicLong(System.currentTimeMillis() * 1000 + new SecureRandom().nextInt(1000));
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
            return new Generators(tokens, new TimeStampResponseGenerator(tokens, ACCEPTED));
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
                return responses.generateFailResponse(org.bouncycastle.asn1.cmp.PKIStatus.REJECTION,
                        org.bouncycastle.asn1.cmp.PKIFailureInfo.badDataFormat, "not a time-stamp request").getEncoded();
            }
            TimeStampResponse response = responses.generateGrantedResponse(parsed, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            return response.getEncoded();
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

    /** In process, the request is ours: checked as {@link #respond} checks one, then stamped without encoding a response. */
    @Override
    public byte[] timestamp(HashAlgorithm algorithm, byte[] digest) {
        var request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        try {
            var ours = request.generate(oid(algorithm), digest, BigInteger.valueOf(serial.get()));
            ours.validate(ACCEPTED, null, null);
            return generators.get().tokens().generate(ours, BigInteger.valueOf(serial.incrementAndGet()), new Date()).getEncoded();
        } catch (TSPException e) {
            throw new TimeStampException("the time-stamping authority refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TimeStampException("cannot time-stamp: " + e.getMessage(), e);
        }
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

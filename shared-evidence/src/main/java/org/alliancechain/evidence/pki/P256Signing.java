package org.alliancechain.evidence.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.util.Map;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * SHA-256 with ECDSA on P-256 for software keys (the organisations' document-signing keys and the
 * TSA's): BouncyCastle's ECDSA with one set of domain parameters for the whole JVM, so its
 * fixed-point table for the base point is built once — the JCA route rebuilt it for every key
 * object (BouncyCastle) or signs in twice the time (the JDK). The nonce is derived as RFC 6979 says
 * (deterministic, no dependence on the random source at signing time); the base-point comb reads
 * its table in constant time. Keys that are not P-256 or do not reveal their scalar (a hardware
 * module's) are for the callers to sign through the JCA, as before ({@link #supports}).
 */
public final class P256Signing {

    private static final ECDomainParameters P256;
    /** Weak keys: an entry goes when the key custody drops the key object (rotation, removal). */
    private static final Map<PrivateKey, ECPrivateKeyParameters> KEYS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private static final int MAX_KEYS = 256;

    static {
        var curve = CustomNamedCurves.getByName("secp256r1");
        P256 = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    private P256Signing() {
    }

    /** Whether {@link #sign} takes this key: a P-256 key whose scalar is readable. */
    public static boolean supports(PrivateKey key) {
        return parameters(key) != null;
    }

    /** The DER signature over {@code data}: SHA256withECDSA; for keys {@link #supports} takes. */
    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        var parameters = parameters(key);
        if (parameters == null) {
            throw new java.security.InvalidKeyException("not a P-256 software key");
        }
        var signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, parameters);
        BigInteger[] rs = signer.generateSignature(MessageDigest.getInstance("SHA-256").digest(data));
        try {
            return StandardDSAEncoding.INSTANCE.encode(P256.getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the signature", e);
        }
    }

    /** The key as BouncyCastle's parameters on the shared P-256 domain; null when it is not a P-256 software key. */
    static ECPrivateKeyParameters parameters(PrivateKey key) {
        var known = KEYS.get(key);
        if (known != null) {
            return known;
        }
        if (!(key instanceof ECPrivateKey ec) || !isP256(ec)) {
            return null;
        }
        BigInteger scalar;
        try {
            scalar = ec.getS();
        } catch (RuntimeException e) {
            return null;
        }
        if (scalar == null || scalar.signum() <= 0 || scalar.compareTo(P256.getN()) >= 0) {
            return null;
        }
        if (KEYS.size() >= MAX_KEYS) {
            KEYS.clear();
        }
        var parameters = new ECPrivateKeyParameters(scalar, P256);
        KEYS.put(key, parameters);
        return parameters;
    }

    private static boolean isP256(ECPrivateKey key) {
        var spec = key.getParams();
        if (spec == null || !(spec.getCurve().getField() instanceof ECFieldFp field)) {
            return false;
        }
        var g = P256.getG().normalize();
        return field.getP().equals(P256.getCurve().getField().getCharacteristic()) && spec.getOrder().equals(P256.getN())
                && spec.getCurve().getA().equals(P256.getCurve().getA().toBigInteger())
                && spec.getCurve().getB().equals(P256.getCurve().getB().toBigInteger())
                && spec.getGenerator().getAffineX().equals(g.getAffineXCoord().toBigInteger())
                && spec.getGenerator().getAffineY().equals(g.getAffineYCoord().toBigInteger());
    }

    /**
     * A content signer for BouncyCastle's CMS and time-stamp generators. Not thread-safe, as the
     * generators that hold one are not: the signed bytes are collected until {@link ContentSigner#getSignature}.
     */
    public static ContentSigner contentSigner(PrivateKey key) {
        if (!supports(key)) {
            throw new IllegalArgumentException("not a P-256 software key");
        }
        var algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
        return new ContentSigner() {
            private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                data.reset(); // a signature that failed half-way must not leave its bytes to the next one
                return data;
            }

            @Override
            public byte[] getSignature() {
                try {
                    return sign(key, data.toByteArray());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
                } finally {
                    data.reset();
                }
            }
        };
    }
}

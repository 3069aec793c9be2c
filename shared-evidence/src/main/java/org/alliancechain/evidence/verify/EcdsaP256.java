package org.alliancechain.evidence.verify;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointPreCompInfo;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.bouncycastle.math.raw.Nat;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.BigIntegers;

/**
 * Signature verification for the keys a verifier meets again and again — a consortium's few
 * organisations and its time-stamping authority. ECDSA over P-256 with SHA-256 is checked with a
 * fixed-point comb table made once per public key (BouncyCastle keeps one for the base point
 * already): u1·G + u2·Q then costs 43 doublings and 86 additions instead of the 256 doublings of
 * the general method. The arithmetic is BouncyCastle's; only the order of the steps is ours, and
 * the result is the textbook check (SEC 1, 4.1.4). Verification handles public data only, so table
 * look-ups need not be constant-time. Any other algorithm or curve goes to the JCA provider.
 */
final class EcdsaP256 {

    private static final String SHA256_WITH_ECDSA = "SHA256WITHECDSA";
    /** SubjectPublicKeyInfo of a named-curve P-256 key up to its 65-byte uncompressed point. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
    private static final ECCurve CURVE;
    private static final ECPoint G;
    private static final BigInteger N;
    private static final int MAX_KEYS = 1024;
    private static final Map<ByteBuffer, ECPoint> KEYS = new ConcurrentHashMap<>();
    private static final java.security.Provider PROVIDER = java.security.Security.getProvider("BC") != null
            ? java.security.Security.getProvider("BC") : new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    static {
        var parameters = CustomNamedCurves.getByName("secp256r1");
        CURVE = parameters.getCurve();
        G = parameters.getG();
        N = parameters.getN();
        FixedPointUtil.precompute(G);
    }

    private EcdsaP256() {
    }

    /**
     * Whether {@code signature} (DER, as in CMS) holds over {@code data} under {@code key}.
     *
     * @param algorithm a JCA signature name such as SHA256withECDSA
     */
    static boolean verify(PublicKey key, String algorithm, byte[] data, byte[] signature) throws GeneralSecurityException {
        ECPoint q = SHA256_WITH_ECDSA.equalsIgnoreCase(algorithm) ? p256Point(key) : null;
        if (q == null) {
            var jca = Signature.getInstance(algorithm, PROVIDER);
            jca.initVerify(key);
            jca.update(data);
            return jca.verify(signature);
        }
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(N, signature);
        } catch (Exception e) {
            return false;
        }
        return verify(q, MessageDigest.getInstance("SHA-256").digest(data), rs[0], rs[1]);
    }

    /** SEC 1 4.1.4 with e the 256-bit digest; r and s must lie in [1, n-1]. */
    static boolean verify(ECPoint q, byte[] digest, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = BigIntegers.modOddInverseVar(N, s);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        ECPoint point = sumOfCombs(u1, q, u2).normalize();
        return !point.isInfinity() && point.getAffineXCoord().toBigInteger().mod(N).equals(r);
    }

    /** a·G + b·Q, both by their comb tables in one pass, sharing the doublings. */
    static ECPoint sumOfCombs(BigInteger a, ECPoint q, BigInteger b) {
        FixedPointPreCompInfo gInfo = FixedPointUtil.precompute(G);
        FixedPointPreCompInfo qInfo = FixedPointUtil.precompute(q);
        int width = gInfo.getWidth();
        if (qInfo.getWidth() != width) {
            throw new IllegalStateException("comb tables of different widths");
        }
        ECLookupTable gTable = gInfo.getLookupTable();
        ECLookupTable qTable = qInfo.getLookupTable();
        int size = FixedPointUtil.getCombSize(CURVE);
        int teeth = (size + width - 1) / width;
        int bits = teeth * width;
        int[] aWords = Nat.fromBigInteger(bits, a);
        int[] bWords = Nat.fromBigInteger(bits, b);
        ECPoint sum = CURVE.getInfinity();
        for (int i = 0; i < teeth; i++) {
            sum = sum.twicePlus(gTable.lookupVar(combIndex(aWords, bits - 1 - i, teeth)))
                    .add(qTable.lookupVar(combIndex(bWords, bits - 1 - i, teeth)));
        }
        return sum.add(gInfo.getOffset()).add(qInfo.getOffset());
    }

    /**
     * The table index for one comb position: the bits top, top-teeth, … recoded the way
     * BouncyCastle's table is built (each entry a signed combination of the powers, the offset
     * correcting the sum at the end).
     */
    private static int combIndex(int[] words, int top, int teeth) {
        int index = 0;
        for (int j = top; j >= 0; j -= teeth) {
            int bit = words[j >>> 5] >>> (j & 31);
            index ^= bit >>> 1;
            index <<= 1;
            index ^= bit;
        }
        return index;
    }

    /** The key's point with its comb table when it is a P-256 key; else null. */
    static ECPoint p256Point(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != SPKI_PREFIX.length + 65
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        var id = ByteBuffer.wrap(encoded, SPKI_PREFIX.length, 65).slice();
        ECPoint known = KEYS.get(id);
        if (known != null) {
            return known;
        }
        ECPoint point;
        try {
            point = CURVE.decodePoint(Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (point.isInfinity() || !point.isValid()) {
            return null;
        }
        FixedPointUtil.precompute(point);
        if (KEYS.size() >= MAX_KEYS) {
            KEYS.clear();
        }
        KEYS.put(id, point);
        return point;
    }

    /** For BouncyCastle's CMS and time-stamp checks: verifiers that use the tables above. */
    static ContentVerifierProvider provider(X509CertificateHolder holder, PublicKey key) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return true;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return holder;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) {
                var data = new ByteArrayOutputStream(512);
                var name = NAMES.getAlgorithmName(algorithm);
                return new ContentVerifier() {
                    @Override
                    public AlgorithmIdentifier getAlgorithmIdentifier() {
                        return algorithm;
                    }

                    @Override
                    public OutputStream getOutputStream() {
                        return data;
                    }

                    @Override
                    public boolean verify(byte[] signature) {
                        try {
                            return EcdsaP256.verify(key, name, data.toByteArray(), signature);
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("cannot verify " + name + ": " + e.getMessage(), e);
                        }
                    }
                };
            }
        };
    }
}

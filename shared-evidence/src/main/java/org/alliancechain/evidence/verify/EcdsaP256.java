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
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.BigIntegers;

/**
 * Signature verification for the keys a verifier meets again and again — a consortium's few
 * organisations and its time-stamping authority. ECDSA over P-256 with SHA-256 is checked with a
 * fixed-point comb table made once per public key (and one for the base point): u1·G + u2·Q then
 * costs 32 doublings and at most 64 mixed additions instead of the 256 doublings of the general
 * method. The point arithmetic is BouncyCastle's; only the order of the steps is ours, and
 * the result is the textbook check (SEC 1, 4.1.4). Verification handles public data only, so table
 * look-ups need not be constant-time. Any other algorithm or curve goes to the JCA provider.
 */
final class EcdsaP256 {

    private static final String SHA256_WITH_ECDSA = "SHA256WITHECDSA";
    /** SubjectPublicKeyInfo of a named-curve P-256 key up to its 65-byte uncompressed point. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
    private static final ECCurve CURVE;
    private static final ECPoint[] G_COMB;
    private static final BigInteger N;
    private static final int MAX_KEYS = 1024;
    /** 8-bit combs: 32 doublings and up to 64 mixed additions for u1·G + u2·Q; 255 affine points (~50 KB) per key. */
    private static final int WIDTH = 8;
    private static final int TEETH = 32;
    private static final Map<ByteBuffer, ECPoint[]> KEYS = new ConcurrentHashMap<>();
    static final java.security.Provider PROVIDER = java.security.Security.getProvider("BC") != null
            ? java.security.Security.getProvider("BC") : new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    static {
        var parameters = CustomNamedCurves.getByName("secp256r1");
        CURVE = parameters.getCurve();
        N = parameters.getN();
        G_COMB = combTable(parameters.getG());
    }

    private EcdsaP256() {
    }

    /**
     * Whether {@code signature} (DER, as in CMS) holds over {@code data} under {@code key}.
     *
     * @param algorithm a JCA signature name such as SHA256withECDSA
     */
    static boolean verify(PublicKey key, String algorithm, byte[] data, byte[] signature) throws GeneralSecurityException {
        ECPoint[] q = SHA256_WITH_ECDSA.equalsIgnoreCase(algorithm) ? p256Comb(key) : null;
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
    private static boolean verify(ECPoint[] qComb, byte[] digest, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = BigIntegers.modOddInverseVar(N, s);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        ECPoint point = sumOfCombs(u1, G_COMB, u2, qComb).normalize();
        return !point.isInfinity() && point.getAffineXCoord().toBigInteger().mod(N).equals(r);
    }

    /** a·G + b·Q (a, b below 2^256), both by their comb tables in one pass that shares the doublings. */
    static ECPoint sumOfCombs(BigInteger a, ECPoint q, BigInteger b) {
        return sumOfCombs(a, G_COMB, b, combTable(q));
    }

    private static ECPoint sumOfCombs(BigInteger a, ECPoint[] aTable, BigInteger b, ECPoint[] bTable) {
        int[] aWords = Nat.fromBigInteger(WIDTH * TEETH, a);
        int[] bWords = Nat.fromBigInteger(WIDTH * TEETH, b);
        ECPoint sum = CURVE.getInfinity();
        for (int i = TEETH - 1; i >= 0; i--) {
            int ia = combIndex(aWords, i);
            int ib = combIndex(bWords, i);
            sum = ia == 0 ? sum.twice() : sum.twicePlus(aTable[ia]);
            if (ib != 0) {
                sum = sum.add(bTable[ib]);
            }
        }
        return sum;
    }

    /** Bits i, i + TEETH, i + 2·TEETH … of the scalar, as the index of the table entry that sums their powers. */
    private static int combIndex(int[] words, int i) {
        int index = 0;
        for (int j = WIDTH - 1; j >= 0; j--) {
            int bit = j * TEETH + i;
            index = index << 1 | (words[bit >>> 5] >>> (bit & 31)) & 1;
        }
        return index;
    }

    /**
     * The comb table of P: entry i (0 &lt; i &lt; 2^WIDTH) is the sum of 2^(j·TEETH)·P over the bits j set in i,
     * in affine coordinates (so each addition in the loop is a mixed one); entry 0 is unused.
     */
    static ECPoint[] combTable(ECPoint p) {
        ECPoint[] powers = new ECPoint[WIDTH];
        powers[0] = p.normalize();
        for (int j = 1; j < WIDTH; j++) {
            powers[j] = powers[j - 1].timesPow2(TEETH);
        }
        CURVE.normalizeAll(powers);
        ECPoint[] table = new ECPoint[1 << WIDTH];
        for (int i = 1; i < table.length; i++) {
            int top = Integer.highestOneBit(i);
            var power = powers[Integer.numberOfTrailingZeros(top)];
            table[i] = i == top ? power : table[i - top].add(power);
        }
        CURVE.normalizeAll(table, 1, table.length - 1, null);
        return table;
    }

    /** The comb table of the key's point when it is a P-256 key (made once per key); else null. */
    static ECPoint[] p256Comb(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != SPKI_PREFIX.length + 65
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        var id = ByteBuffer.wrap(encoded, SPKI_PREFIX.length, 65).slice();
        ECPoint[] known = KEYS.get(id);
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
        var table = combTable(point);
        if (KEYS.size() >= MAX_KEYS) {
            KEYS.clear();
        }
        KEYS.put(id, table);
        return table;
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

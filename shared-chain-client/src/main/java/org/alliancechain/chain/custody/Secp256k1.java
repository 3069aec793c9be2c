package org.alliancechain.chain.custody;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * ECDSA over secp256k1 with deterministic k (RFC 6979) and low s, as Ethereum requires — the same
 * signatures as web3j's {@code Sign.signMessage}, which finds the recovery id by recovering the
 * public key up to four times. Here the id comes from the parity of R's y coordinate, which makes
 * signing two to three times cheaper: it is the relay's main CPU cost.
 */
final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** Signs a 32-byte hash; v is 27 or 28. */
    static Sign.SignatureData sign(byte[] hash, BigInteger privateKey) {
        var kCalculator = new HMacDSAKCalculator(new SHA256Digest());
        kCalculator.init(N, privateKey, hash);
        BigInteger e = new BigInteger(1, hash);
        while (true) {
            BigInteger k = kCalculator.nextK();
            ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(e.add(privateKey.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (point.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            return new Sign.SignatureData((byte) (27 + recoveryId), Numeric.toBytesPadded(r, 32), Numeric.toBytesPadded(s, 32));
        }
    }
}

package org.alliancechain.evidence.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.junit.jupiter.api.Test;

/** The comb-table verifier answers exactly as the JDK's ECDSA does, for good and for bad signatures. */
class EcdsaP256Test {

    private static final String ALGORITHM = "SHA256withECDSA";
    private static final BigInteger N = CustomNamedCurves.getByName("secp256r1").getN();
    private final Random random = new Random(20261122);

    @Test
    void combSumEqualsBouncyCastlesGeneralMethod() throws Exception {
        var curve = CustomNamedCurves.getByName("secp256r1");
        var q = EcdsaP256.p256Comb(keys("secp256r1").getPublic())[1];
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N.shiftRight(1),
                BigInteger.ONE.shiftLeft(255).mod(N)};
        for (var a : edges) {
            for (var b : edges) {
                assertSame(ECAlgorithms.sumOfTwoMultiplies(curve.getG(), a, q, b), EcdsaP256.sumOfCombs(a, q, b));
            }
        }
        for (int i = 0; i < 300; i++) {
            var a = new BigInteger(256, random).mod(N);
            var b = new BigInteger(256, random).mod(N);
            assertSame(ECAlgorithms.sumOfTwoMultiplies(curve.getG(), a, q, b), EcdsaP256.sumOfCombs(a, q, b));
        }
    }

    private static void assertSame(org.bouncycastle.math.ec.ECPoint expected, org.bouncycastle.math.ec.ECPoint actual) {
        assertEquals(expected.normalize(), actual.normalize());
    }

    @Test
    void agreesWithTheJdkOnValidAndAlteredSignatures() throws Exception {
        var keys = keys("secp256r1");
        var other = keys("secp256r1");
        for (int i = 0; i < 200; i++) {
            byte[] data = ("record " + i + " " + random.nextLong()).getBytes(StandardCharsets.UTF_8);
            byte[] signature = sign(keys, data);
            assertTrue(EcdsaP256.verify(keys.getPublic(), ALGORITHM, data, signature));
            assertTrue(jdk(keys, data, signature));

            byte[] changed = data.clone();
            changed[random.nextInt(changed.length)] ^= 1;
            assertFalse(EcdsaP256.verify(keys.getPublic(), ALGORITHM, changed, signature));
            assertFalse(EcdsaP256.verify(other.getPublic(), ALGORITHM, data, signature), "another key");

            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, signature);
            for (byte[] altered : new byte[][] {
                    der(rs[0].add(BigInteger.ONE), rs[1]), der(rs[0], rs[1].add(BigInteger.ONE)), der(rs[1], rs[0]),
                    der(rs[0], N.subtract(rs[1]))}) {
                assertEquals(jdk(keys, data, altered), EcdsaP256.verify(keys.getPublic(), ALGORITHM, data, altered));
            }
        }
    }

    @Test
    void outOfRangeAndMalformedSignaturesFail() throws Exception {
        var keys = keys("secp256r1");
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, sign(keys, data));
        for (byte[] bad : new byte[][] {der(BigInteger.ZERO, rs[1]), der(rs[0], BigInteger.ZERO), der(N, rs[1]), der(rs[0], N),
                der(rs[0].add(N), rs[1]), der(BigInteger.ONE.negate(), rs[1]), new byte[0], new byte[] {0x30, 0x02, 0x02, 0x00},
                "not DER at all".getBytes(StandardCharsets.UTF_8)}) {
            assertFalse(EcdsaP256.verify(keys.getPublic(), ALGORITHM, data, bad));
        }
        byte[] good = sign(keys, data);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertFalse(EcdsaP256.verify(keys.getPublic(), ALGORITHM, data, trailing), "bytes after the DER value");
    }

    @Test
    void otherCurvesAndAlgorithmsGoToTheProvider() throws Exception {
        var p384 = keys("secp384r1");
        assertNull(EcdsaP256.p256Comb(p384.getPublic()));
        byte[] data = "y".getBytes(StandardCharsets.UTF_8);
        var signer = Signature.getInstance("SHA384withECDSA");
        signer.initSign(p384.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        assertTrue(EcdsaP256.verify(p384.getPublic(), "SHA384withECDSA", data, signature));
        assertFalse(EcdsaP256.verify(p384.getPublic(), "SHA384withECDSA", "z".getBytes(StandardCharsets.UTF_8), signature));
    }

    private static KeyPair keys(String curve) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static byte[] sign(KeyPair keys, byte[] data) throws Exception {
        var signer = Signature.getInstance(ALGORITHM);
        signer.initSign(keys.getPrivate());
        signer.update(data);
        return signer.sign();
    }

    private static boolean jdk(KeyPair keys, byte[] data, byte[] signature) {
        try {
            var verifier = Signature.getInstance(ALGORITHM, "SunEC");
            verifier.initVerify(keys.getPublic());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] der(BigInteger r, BigInteger s) throws Exception {
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
    }
}

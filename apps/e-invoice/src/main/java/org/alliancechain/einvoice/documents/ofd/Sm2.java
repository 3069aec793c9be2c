package org.alliancechain.einvoice.documents.ofd;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * SM3withSM2 through BouncyCastle's lightweight API: no JCA provider has to be registered in the service, and the
 * user id (the "Z" value) is explicit, which is where producers differ (domain page §8, DLTech21/ofd.js#62).
 */
final class Sm2 {

    /** GB/T 35276 default signer id, used by every producer we have seen. */
    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    /** A DER SM2 signature (SEQUENCE {r, s}) over {@code message} with the default user id. */
    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            var params = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
            var signer = new SM2Signer();
            signer.init(true, new ParametersWithID(new ParametersWithRandom(params, RANDOM), DEFAULT_USER_ID));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (IOException | CryptoException | ClassCastException e) {
            throw new IllegalArgumentException("not an SM2 private key (" + key.getAlgorithm() + ")", e);
        }
    }

    /** How a signature verified: which encoding of the value and which user id were needed. */
    record Variant(String encoding, String userId) {

        boolean standard() {
            return "DER".equals(encoding) && "1234567812345678".equals(userId);
        }
    }

    /**
     * Verifies with the standard form first, then the variants real producers write: a raw 64-byte r||s value, a
     * stray leading 00 or 02 byte before the value, an empty user id. Empty when nothing verifies.
     */
    static Optional<Variant> verify(byte[] certificate, byte[] message, byte[] signatureValue) {
        ECPublicKeyParameters key = publicKey(certificate);
        for (var encoding : encodings(signatureValue)) {
            for (var id : new byte[][] {DEFAULT_USER_ID, new byte[0]}) {
                var signer = new SM2Signer();
                signer.init(false, new ParametersWithID(key, id));
                signer.update(message, 0, message.length);
                if (encoding.der != null && signer.verifySignature(encoding.der)) {
                    return Optional.of(new Variant(encoding.name, new String(id, StandardCharsets.US_ASCII)));
                }
            }
        }
        return Optional.empty();
    }

    static ECPublicKeyParameters publicKey(byte[] certificate) {
        try {
            var cert = Certificate.getInstance(certificate);
            return (ECPublicKeyParameters) PublicKeyFactory.createKey(cert.getSubjectPublicKeyInfo());
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("certificate without an SM2 public key", e);
        }
    }

    private record Encoding(String name, byte[] der) {
    }

    private static Encoding[] encodings(byte[] value) {
        byte[] stripped = value.length > 1 && (value[0] == 0 || value[0] == 2) ? Arrays.copyOfRange(value, 1, value.length) : null;
        return new Encoding[] {
                new Encoding("DER", value),
                new Encoding("raw r||s", rawToDer(value)),
                new Encoding("DER after a leading 0x" + (stripped == null ? "" : String.format("%02x", value[0])) + " byte", stripped),
                new Encoding("raw r||s after a leading byte", stripped == null ? null : rawToDer(stripped))};
    }

    private static byte[] rawToDer(byte[] value) {
        if (value.length != 64) {
            return null;
        }
        var r = new BigInteger(1, Arrays.copyOfRange(value, 0, 32));
        var s = new BigInteger(1, Arrays.copyOfRange(value, 32, 64));
        return SesV4.der(new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}));
    }
}

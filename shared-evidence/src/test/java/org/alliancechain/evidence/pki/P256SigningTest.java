package org.alliancechain.evidence.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** Our P-256 signatures are ordinary ECDSA: the JDK verifies them; other keys are left to the JCA. */
class P256SigningTest {

    @Test
    void signaturesVerifyWithTheJdkAndAreDeterministic() throws Exception {
        var keys = generate("EC", new ECGenParameterSpec("secp256r1"));
        for (int i = 0; i < 50; i++) {
            byte[] data = ("signed attributes " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = P256Signing.sign(keys.getPrivate(), data);
            var verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
            verifier.initVerify(keys.getPublic());
            verifier.update(data);
            assertThat(verifier.verify(signature)).isTrue();
            assertThat(P256Signing.sign(keys.getPrivate(), data)).as("RFC 6979 nonces").isEqualTo(signature);
        }
    }

    @Test
    void theContentSignerSignsEachMessageOnItsOwn() throws Exception {
        var keys = generate("EC", new ECGenParameterSpec("secp256r1"));
        var signer = P256Signing.contentSigner(keys.getPrivate());
        for (String message : new String[] {"first", "second"}) {
            signer.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.getSignature();
            var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(keys.getPublic());
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(signature)).as(message).isTrue();
        }
    }

    @Test
    void otherKeysAreNotTaken() throws Exception {
        var p384 = generate("EC", new ECGenParameterSpec("secp384r1"));
        var rsa = generate("RSA", null);
        assertThat(P256Signing.supports(p384.getPrivate())).isFalse();
        assertThat(P256Signing.supports(rsa.getPrivate())).isFalse();
        assertThatThrownBy(() -> P256Signing.sign(rsa.getPrivate(), new byte[1])).isInstanceOf(java.security.InvalidKeyException.class);
        assertThatThrownBy(() -> P256Signing.contentSigner(p384.getPrivate())).isInstanceOf(IllegalArgumentException.class);
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws Exception {
        var generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }
}

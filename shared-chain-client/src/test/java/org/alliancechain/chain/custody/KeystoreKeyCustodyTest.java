package org.alliancechain.chain.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

class KeystoreKeyCustodyTest {

    @Test
    void signaturesAreExactlyWeb3jsForManyKeysAndTransactions(@TempDir Path dir) throws Exception {
        var custodies = new java.util.HashMap<String, KeystoreKeyCustody>();
        var keys = new java.util.HashMap<String, Credentials>();
        var random = new Random(11);
        for (int i = 0; i < 300; i++) {
            // A few keys in custody (scrypt makes each one slow to open), many transactions each.
            int keyNo = i % 5;
            String keyId = "k" + keyNo;
            if (!Files.exists(dir.resolve(keyId + ".json"))) {
                KeystoreKeyCustody.store(dir, keyId, Keys.createEcKeyPair().getPrivateKey(), "pass");
            }
            var custody = custodies.computeIfAbsent(keyId, id -> new KeystoreKeyCustody(dir, "pass"));
            var credentials = keys.computeIfAbsent(keyId, id -> load(dir.resolve(id + ".json")));
            byte[] data = new byte[random.nextInt(100)];
            random.nextBytes(data);
            long nonce = random.nextInt(1_000_000);
            long chainId = 1 + random.nextInt(100_000);
            var raw = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO, BigInteger.valueOf(500_000),
                    "0x1234567890123456789012345678901234567890", BigInteger.ZERO, Numeric.toHexString(data));
            byte[] expected = TransactionEncoder.signMessage(raw, chainId, credentials);
            var signer = custody.signer(keyId);
            assertArrayEquals(expected, signer.sign(nonce, 0, 500_000, "0x1234567890123456789012345678901234567890", data, chainId),
                    "transaction " + i);
            assertEquals(credentials.getAddress(), signer.address());
        }
    }

    private static Credentials load(Path file) {
        try {
            return org.web3j.crypto.WalletUtils.loadCredentials("pass", file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keysAreEncryptedAtRestAndNeverShown(@TempDir Path dir) throws Exception {
        var key = Keys.createEcKeyPair();
        String hex = key.getPrivateKey().toString(16);
        KeystoreKeyCustody.store(dir, "acme-trading", key.getPrivateKey(), "secret passphrase");
        String file = Files.readString(dir.resolve("acme-trading.json"));
        assertFalse(file.contains(hex), "the keystore file holds the key only encrypted");
        var custody = new KeystoreKeyCustody(dir, "secret passphrase");
        assertFalse(custody.signer("acme-trading").toString().contains(hex));
        assertFalse(custody.toString().contains(hex));
        assertTrue(custody.keyIds().contains("acme-trading"));
        assertThrows(IllegalStateException.class, () -> new KeystoreKeyCustody(dir, "wrong").signer("acme-trading"));
        assertThrows(IllegalArgumentException.class, () -> custody.signer("nobody"));
        assertThrows(IllegalArgumentException.class, () -> custody.signer("../etc/passwd"));
        assertThrows(IllegalStateException.class,
                () -> KeystoreKeyCustody.store(dir, "acme-trading", key.getPrivateKey(), "secret passphrase"));
    }
}

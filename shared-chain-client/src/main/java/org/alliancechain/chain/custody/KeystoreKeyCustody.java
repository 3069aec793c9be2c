package org.alliancechain.chain.custody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * Development key custody: one encrypted Ethereum keystore file (v3, scrypt) per key id,
 * {@code <directory>/<keyId>.json}, opened with one passphrase. Keys are decrypted once and kept in
 * memory; they are never logged and {@link #toString()} names only the directory.
 */
public final class KeystoreKeyCustody implements KeyCustody {

    private final Path directory;
    private final String passphrase;
    private final Map<String, TransactionSigner> open = new ConcurrentHashMap<>();

    public KeystoreKeyCustody(Path directory, String passphrase) {
        this.directory = directory;
        this.passphrase = passphrase;
    }

    @Override
    public TransactionSigner signer(String keyId) {
        return open.computeIfAbsent(keyId, this::unlock);
    }

    @Override
    public Set<String> keyIds() {
        var ids = new java.util.TreeSet<String>();
        try (var files = Files.list(directory)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /**
     * Stores a key under a key id (development tooling and onboarding); refuses to overwrite.
     * Light scrypt parameters keep start-up fast; production keys live in an HSM, not here.
     */
    public static String store(Path directory, String keyId, BigInteger privateKey, String passphrase) {
        requireKeyId(keyId);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(keyId + ".json");
            if (Files.exists(file)) {
                throw new IllegalStateException("key " + keyId + " already exists in " + directory);
            }
            WalletFile wallet = Wallet.createLight(passphrase, ECKeyPair.create(privateKey));
            Path tmp = Files.createTempFile(directory, keyId, ".tmp");
            new com.fasterxml.jackson.databind.ObjectMapper().writeValue(tmp.toFile(), wallet);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return "0x" + wallet.getAddress();
        } catch (IOException | CipherException e) {
            throw new IllegalStateException("cannot store key " + keyId + ": " + e.getMessage(), e);
        }
    }

    private TransactionSigner unlock(String keyId) {
        requireKeyId(keyId);
        Path file = directory.resolve(keyId + ".json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no key '" + keyId + "' in key custody");
        }
        try {
            return new CredentialsSigner(WalletUtils.loadCredentials(passphrase, file.toFile()));
        } catch (IOException | CipherException e) {
            throw new IllegalStateException("cannot open key '" + keyId + "' (wrong passphrase or damaged file)");
        }
    }

    private static void requireKeyId(String keyId) {
        if (keyId == null || !keyId.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("invalid key id: " + keyId);
        }
    }

    @Override
    public String toString() {
        return "KeystoreKeyCustody[" + directory + "]";
    }

    /** Wraps web3j credentials; the private key stays inside. */
    private record CredentialsSigner(Credentials credentials) implements TransactionSigner {

        @Override
        public String address() {
            return credentials.getAddress().toLowerCase();
        }

        @Override
        public byte[] sign(long nonce, long gasPrice, long gasLimit, String to, byte[] data, long chainId) {
            var raw = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.valueOf(gasPrice),
                    BigInteger.valueOf(gasLimit), to, BigInteger.ZERO, Numeric.toHexString(data));
            byte[] hash = org.web3j.crypto.Hash.sha3(TransactionEncoder.encode(raw, chainId));
            var signature = Secp256k1.sign(hash, credentials.getEcKeyPair().getPrivateKey());
            return TransactionEncoder.encode(raw, TransactionEncoder.createEip155SignatureData(signature, chainId));
        }

        @Override
        public String toString() {
            return "TransactionSigner[" + address() + "]";
        }
    }
}

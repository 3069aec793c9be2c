package org.alliancechain.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.exception.CipherException;

/**
 * Writes development keys into the key custody directory a service reads: standard Ethereum
 * keystore files (v3, light scrypt), {@code <dir>/<keyId>.json}, all under one passphrase.
 */
public final class DevKeystores {

    /** Passphrase of the local stack's development keystores (they only hold public development keys). */
    public static final String PASSPHRASE = "alliance-dev-keystore";

    private DevKeystores() {
    }

    /** Writes the key unless a keystore for it is already there; returns the directory. */
    public static Path write(Path directory, String keyId, Credentials key) {
        return write(directory, keyId, key, PASSPHRASE);
    }

    /** The same under another passphrase (a custody directory outside the local stack). */
    public static Path write(Path directory, String keyId, Credentials key, String passphrase) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(keyId + ".json");
            if (!Files.exists(file)) {
                var wallet = Wallet.createLight(passphrase, key.getEcKeyPair());
                Path tmp = Files.createTempFile(directory, keyId, ".tmp");
                new ObjectMapper().writeValue(tmp.toFile(), wallet);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return directory;
        } catch (IOException | CipherException e) {
            throw new IllegalStateException("cannot write the development keystore " + keyId + ": " + e.getMessage(), e);
        }
    }
}

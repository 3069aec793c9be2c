package org.alliancechain.evidence.pki;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;

/**
 * Imports an organisation's own certificate and key from a PKCS#12 file (what a commercial CA or
 * the organisation's own PKI hands out) — the production counterpart of {@link DevPki}.
 */
public final class Pkcs12Identities {

    private Pkcs12Identities() {
    }

    /** The first key entry of the PKCS#12 data with its chain; a wrong password or a file without a key is refused. */
    public static SigningIdentity load(InputStream pkcs12, char[] password) throws IOException {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(pkcs12, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    var key = (PrivateKey) store.getKey(alias, password);
                    var chain = Arrays.stream(store.getCertificateChain(alias)).map(c -> (X509Certificate) c).toList();
                    return new SigningIdentity(key, chain);
                }
            }
            throw new IOException("the PKCS#12 file holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /**
     * Writes an identity as PKCS#12 (key and chain under one password), through a temporary file
     * moved into place, so a reader never sees half a file.
     */
    public static void store(java.nio.file.Path file, SigningIdentity identity, char[] password) {
        try {
            var dir = file.toAbsolutePath().getParent();
            java.nio.file.Files.createDirectories(dir);
            var tmp = java.nio.file.Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (var out = java.nio.file.Files.newOutputStream(tmp)) {
                var store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", identity.privateKey(), password, identity.chain().toArray(X509Certificate[]::new));
                store.store(out, password);
            }
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

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
}

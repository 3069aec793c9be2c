package org.alliancechain.service.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.alliancechain.evidence.pki.DevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit test of one class: where an organisation's document-signing identity comes from. */
class DocumentSignersTest {

    private static final String PASSPHRASE = "custody-passphrase";
    private final DevPki devPki = DevPki.inMemory("http://127.0.0.1/pki/root.crl");

    @Test
    void anImportedPkcs12InTheKeyCustodyIsUsed(@TempDir Path custody) throws Exception {
        var own = DevPki.inMemory("http://ca.example/crl").documentSigner("blue-bank", "Blue Bank (own CA)");
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", own.privateKey(), PASSPHRASE.toCharArray(), own.chain().toArray(X509Certificate[]::new));
        try (var out = Files.newOutputStream(custody.resolve("blue-bank.p12"))) {
            store.store(out, PASSPHRASE.toCharArray());
        }
        var signers = new DocumentSigners(custody.toString(), PASSPHRASE, false, devPki);
        assertThat(signers.of("blue-bank").certificate()).isEqualTo(own.certificate());
        assertThat(signers.of("blue-bank").toString()).contains("key hidden").doesNotContain(own.privateKey().toString());
    }

    @Test
    void withoutAnImportTheDevelopmentPkiIssuesOneOnlyWhenAllowed(@TempDir Path custody) {
        var development = new DocumentSigners(custody.toString(), PASSPHRASE, true, devPki);
        assertThat(development.of("river-bank").certificate().getIssuerX500Principal()).isEqualTo(devPki.rootCertificate().getSubjectX500Principal());
        var production = new DocumentSigners(custody.toString(), PASSPHRASE, false, devPki);
        assertThatThrownBy(() -> production.of("river-bank")).hasMessageContaining("import its PKCS#12 as");
    }

    @Test
    void aWrongPassphraseOrAStrangeAliasIsRefused(@TempDir Path custody) throws Exception {
        Files.write(custody.resolve("acme-trading.p12"), new byte[] {1, 2, 3});
        var signers = new DocumentSigners(custody.toString(), PASSPHRASE, true, devPki);
        assertThatThrownBy(() -> signers.of("acme-trading")).hasMessageContaining("cannot open the signing identity of acme-trading");
        assertThatThrownBy(() -> signers.of("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.alliancechain.einvoice.documents.ofd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** An organisation's seal from the key custody (its SM2 key as PKCS#12 and the seal its seal system issued), or a development one. */
class OfdSealsTest {

    @Test
    void anImportedSealAndKeyAreUsedAsTheyAre() throws Exception {
        var custody = Files.createTempDirectory("seal-custody");
        var keys = OfdTestKeys.fromFixtures();
        var issued = keys.seal("北京互联三六五科技有限公司发票专用章");
        Files.write(custody.resolve("acme-trading-seal.p12"), SharedFixtures.bytes("ofd/USER.p12"));
        Files.write(custody.resolve("acme-trading.esl"), issued.encoded());

        var identity = new OfdSeals(custody.toString(), "777777", false).of("acme-trading", "ignored", "ignored");
        assertThat(identity.seal().esId()).isEqualTo(issued.esId());
        assertThat(identity.seal().name()).isEqualTo("北京互联三六五科技有限公司发票专用章");
        assertThat(identity.signer().certificate()).isEqualTo(keys.seller().certificate());

        byte[] sealed = OfdInvoices.sealed(OfdTestInvoices.blue(org.alliancechain.einvoice.tax.InvoiceKind.DIGITAL_SPECIAL, 7), null, "https://example.org/v", identity.seal(), identity.signer());
        assertThat(OfdSealVerification.verify(sealed).valid()).isTrue();
    }

    @Test
    void withoutImportedFilesOnlyDevelopmentMakesASeal() throws Exception {
        var custody = Files.createTempDirectory("seal-custody");
        assertThatThrownBy(() -> new OfdSeals(custody.toString(), "x", false).of("acme-trading", "Acme", "91110108690017781B"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("acme-trading-seal.p12");

        var dev = new OfdSeals(custody.toString(), "x", true).of("acme-trading", "北京艾克美贸易有限公司", "91110108690017781B");
        assertThat(dev.seal().name()).isEqualTo("北京艾克美贸易有限公司发票专用章");
        assertThat(org.bouncycastle.asn1.x500.X500Name.getInstance(dev.signer().certificate().getSubjectX500Principal().getEncoded()).toString()).contains("91110108690017781B");
        assertThat(dev.signer().certificate().getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(365)));
        byte[] sealed = OfdInvoices.sealed(OfdTestInvoices.blue(org.alliancechain.einvoice.tax.InvoiceKind.DIGITAL_SPECIAL, 8), null, "https://example.org/v", dev.seal(), dev.signer());
        assertThat(OfdSealVerification.verify(sealed).valid()).isTrue();
    }
}

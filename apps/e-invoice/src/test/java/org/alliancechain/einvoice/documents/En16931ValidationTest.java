package org.alliancechain.einvoice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

class En16931ValidationTest {

    @Test
    void everyOfficialExamplePassesWithoutFatalFailures() throws Exception {
        List<Path> files = SharedFixtures.list("en16931", ".xml");
        assertThat(files).hasSize(14);
        long start = System.nanoTime();
        for (Path file : files) {
            En16931Validation.Report report = En16931Validation.validate(Files.readAllBytes(file));
            assertThat(report.fatal()).as(file.getFileName().toString()).isEmpty();
            assertThat(report.documentType()).isIn("Invoice", "CreditNote");
        }
        System.out.printf("EN 16931 validation of %d official examples (incl. first-use rule compilation): %d ms%n",
                files.size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aChangedTaxInclusiveAmountFailsBrCo15AndBrCo16() {
        String xml = new String(SharedFixtures.bytes("en16931/ubl-tc434-example1.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(<cbc:TaxInclusiveAmount currencyID=\"[A-Z]{3}\">)([0-9.]+)(<)").matcher(xml);
        assertThat(m.find()).isTrue();
        String tampered = m.replaceFirst("$1" + new java.math.BigDecimal(m.group(2)).add(java.math.BigDecimal.ONE).toPlainString() + "$3");
        En16931Validation.Report report = En16931Validation.validate(tampered.getBytes(StandardCharsets.UTF_8));
        assertThat(report.passed()).isFalse();
        assertThat(report.fatalRuleIds()).contains("BR-CO-15", "BR-CO-16");
        En16931Validation.Failure failure = report.fatal().stream().filter(f -> f.ruleId().equals("BR-CO-15")).findFirst().orElseThrow();
        assertThat(failure.message()).isNotBlank();
        assertThat(failure.location()).contains("Invoice");
    }

    @Test
    void garbageAndForeignDocumentsAreReportedNotThrown() {
        assertThat(En16931Validation.validate("<not-xml".getBytes(StandardCharsets.UTF_8)).fatalRuleIds()).containsExactly("XML");
        assertThat(En16931Validation.validate("<a xmlns='urn:x'/>".getBytes(StandardCharsets.UTF_8)).passed()).isFalse();
    }
}

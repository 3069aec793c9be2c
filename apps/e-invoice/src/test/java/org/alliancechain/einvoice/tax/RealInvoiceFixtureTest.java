package org.alliancechain.einvoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** Our identifiers and tax math against the texts printed on a real 数电 invoice (ofd/20240531141733.ofd). */
class RealInvoiceFixtureTest {

    private static List<String> pageTexts() throws IOException {
        byte[] ofd = SharedFixtures.bytes("ofd/20240531141733.ofd");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("Doc_0/Pages/Page_0/Content.xml")) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher m = Pattern.compile("<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>").matcher(xml);
                    List<String> texts = new ArrayList<>();
                    while (m.find()) {
                        texts.add(m.group(1).strip());
                    }
                    return texts;
                }
            }
        }
        throw new IllegalStateException("no page content in the fixture");
    }

    @Test
    void everyTaxIdPrintedOnTheInvoiceIsValidAndTheNumberMatchesTheSeller() throws IOException {
        List<String> texts = pageTexts();
        List<UnifiedSocialCreditCode> ids = texts.stream().filter(t -> t.matches("[0-9A-Z]{18}"))
                .map(t -> UnifiedSocialCreditCode.parse(t).orThrow()).toList();
        assertThat(ids).extracting(UnifiedSocialCreditCode::value).containsExactly("91460300MAA92DJN95", "91110108690017781B");
        UnifiedSocialCreditCode seller = ids.get(1);
        InvoiceNumber number = InvoiceNumber.parse(texts.get(0)).orThrow();
        assertThat(number.value()).isEqualTo("24112000000048542163");
        assertThat(number.checkAgainst(LocalDate.of(2024, 5, 28), seller.province().orElseThrow())).isEmpty();
    }

    @Test
    void ourInclusiveSplitEqualsThePrintedAmountTaxAndBackComputedPrice() throws IOException {
        List<String> texts = pageTexts();
        assertThat(texts).contains("4449.00", "4197.17", "251.83", "4197.16981132075", "6%");
        ComputedInvoice c = TaxCalculator.compute(List.of(new InvoiceLineInput("*信息技术服务*技术服务费", null, null,
                java.math.BigDecimal.ONE, null, new java.math.BigDecimal("4449.00"), true, new java.math.BigDecimal("0.06"),
                VatTreatment.STANDARD, null, LineKind.NORMAL, null, null)));
        ComputedLine line = c.lines().get(0);
        assertThat(texts).contains(line.amount().toPlainString(), line.tax().toPlainString(), c.totalWithTax().toPlainString());
        assertThat(line.unitPrice().toPlainString()).isEqualTo("4197.17"); // ours is je ÷ quantity, so quantity × price = je; the bureau prints A ÷ 1.06 = 4197.16981132075 (informational)
    }
}

package org.alliancechain.einvoice.documents.ofd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.documents.UblInvoices;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.CheckName;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.Status;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.junit.jupiter.api.Test;

/** Our OFD invoices: what the page says, its tags and attachment, and that our seal verifies. */
class OfdInvoicesTest {

    static final String URL = "https://verify.alliancechain.example/invoices/";
    private static final OfdTestKeys.Keys KEYS = OfdTestKeys.generated();

    @Test
    void theBlueInvoicePageCarriesNumberPartiesAndTotals() {
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_SPECIAL, 7);
        var files = OfdPackage.read(OfdInvoices.render(doc, UblInvoices.invoice(doc), URL + doc.number().value()));

        String content = text(files.get("Doc_0/Pages/Page_0/Content.xml"));
        assertThat(content).contains("电子发票（增值税专用发票）", doc.number().value(), "2024年05月28日",
                "91110108690017781B", "91460300MAA92DJN95", "北京互联三六五科技有限公司", "海南麒麟云服科技有限公司",
                "¥" + OfdInvoices.money(doc.computed().totalAmount()), "¥" + OfdInvoices.money(doc.computed().totalTax()),
                "¥" + OfdInvoices.money(doc.computed().totalWithTax()), "价税合计", "*信息技术服务*技术服务费", "6%", "13%", "收款人:李蓉蓉");
        assertThat(content).doesNotContain("红字");
        String attachment = files.keySet().stream().filter(n -> n.endsWith("/original_invoice.xml")).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment in " + files.keySet()));
        assertThat(attachment).startsWith("Doc_0/");
        assertThat(new String(files.get(attachment), StandardCharsets.UTF_8)).contains(doc.number().value());
        assertThat(files.keySet()).anyMatch(n -> n.endsWith(".png"));
    }

    @Test
    void theCustomTagsPointAtTheObjectsThatShowTheValues() {
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_ORDINARY, 8);
        var files = OfdPackage.read(OfdInvoices.render(doc, null, URL));

        String document = text(files.get("Doc_0/Document.xml"));
        assertThat(document).contains("Tags/CustomTags.xml");
        String tags = text(files.get("Doc_0/Tags/CustomTag.xml"));
        assertThat(tags).contains("<ofd:InvoiceNo>", "<ofd:IssueDate>", "<ofd:Buyer><ofd:BuyerName>", "<ofd:BuyerTaxID>",
                "<ofd:Seller><ofd:SellerName>", "<ofd:SellerTaxID>", "<ofd:TaxExclusiveTotalAmount>", "<ofd:TaxTotalAmount>",
                "<ofd:TaxInclusiveTotalAmount>", "<ofd:Item>", "<ofd:TaxScheme>", "<ofd:Amount>", "<ofd:TaxAmount>",
                "<ofd:Price>", "<ofd:Quantity>", "<ofd:Note>");
        assertThat(objectText(files, tags, "InvoiceNo")).isEqualTo(doc.number().value());
        assertThat(objectText(files, tags, "SellerTaxID")).isEqualTo("91110108690017781B");
        assertThat(objectText(files, tags, "TaxInclusiveTotalAmount")).isEqualTo("¥" + OfdInvoices.money(doc.computed().totalWithTax()));
        assertThat(text(files.get("Doc_0/Pages/Page_0/Content.xml"))).contains("电子发票（普通发票）");
    }

    @Test
    void ourSealedBlueInvoiceVerifiesValid() {
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_SPECIAL, 9);
        byte[] sealed = OfdInvoices.sealed(doc, UblInvoices.invoice(doc), URL, KEYS.seal("北京互联三六五科技有限公司发票专用章"), KEYS.seller());

        var report = OfdSealVerification.verify(sealed);

        assertThat(report.valid()).as(report.toString()).isTrue();
        var signature = report.signatures().getFirst();
        assertThat(signature.sealName()).isEqualTo("北京互联三六五科技有限公司发票专用章");
        assertThat(signature.signerSubject()).contains("91110108690017781B");
        assertThat(signature.check(CheckName.REFERENCED_FILES).detail()).contains("sm3");
    }

    @Test
    void ourSealedRedInvoiceShowsTheBlueNumberAndVerifiesValid() {
        var blue = OfdTestInvoices.blue(InvoiceKind.DIGITAL_SPECIAL, 10);
        InvoiceDocument red = OfdTestInvoices.fullRed(blue);
        byte[] sealed = OfdInvoices.sealed(red, UblInvoices.creditNote(red), URL, KEYS.seal("北京互联三六五科技有限公司发票专用章"), KEYS.seller());

        String content = text(OfdPackage.read(sealed).get("Doc_0/Pages/Page_0/Content.xml"));
        assertThat(content).contains("红字发票信息", blue.number().value(), red.number().value(), "开票有误",
                "¥-" + OfdInvoices.money(blue.computed().totalWithTax()));
        assertThat(OfdSealVerification.verify(sealed).valid()).isTrue();
    }

    @Test
    void aSealMadeWithTheFixtureKeysVerifiesAndATamperedCopyFailsTheDigest() throws Exception {
        var keys = OfdTestKeys.fromFixtures();
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_ORDINARY, 11);
        byte[] sealed = OfdInvoices.sealed(doc, null, URL, keys.seal("OFD R&W 测试用印章"), keys.seller());
        assertThat(OfdSealVerification.verify(sealed).valid()).isTrue();

        byte[] tampered = OfdSealVerificationTest.rewrite(sealed, "Doc_0/Pages/Page_0/Content.xml",
                c -> new String(c, StandardCharsets.UTF_8).replace("91460300MAA92DJN95", "91460300MAA92DJN96").getBytes(StandardCharsets.UTF_8));
        var signature = OfdSealVerification.verify(tampered).signatures().getFirst();
        assertThat(signature.check(CheckName.REFERENCED_FILES).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aSignerWhoseCertificateTheSealDoesNotNameFails() {
        var other = OfdTestKeys.generated();
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_ORDINARY, 12);
        byte[] sealed = OfdInvoices.sealed(doc, null, URL, KEYS.seal("北京互联三六五科技有限公司发票专用章"), other.seller());

        var signature = OfdSealVerification.verify(sealed).signatures().getFirst();

        assertThat(signature.check(CheckName.SIGNATURE_VALUE).status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(CheckName.SIGNER_HOLDS_SEAL).status()).isEqualTo(Status.FAILED);
    }

    /** Throughput on one thread: printed for the report, never asserted (shared, noisy machine). */
    @Test
    void sealedInvoicesPerSecondOnOneThread() {
        var seal = KEYS.seal("北京互联三六五科技有限公司发票专用章");
        var doc = OfdTestInvoices.blue(InvoiceKind.DIGITAL_SPECIAL, 13);
        byte[] ubl = UblInvoices.invoice(doc);
        for (int i = 0; i < 5; i++) {
            OfdInvoices.sealed(doc, ubl, URL, seal, KEYS.seller());
        }
        int n = 40;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            OfdInvoices.sealed(doc, ubl, URL, seal, KEYS.seller());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long vStart = System.nanoTime();
        byte[] one = OfdInvoices.sealed(doc, ubl, URL, seal, KEYS.seller());
        for (int i = 0; i < n; i++) {
            OfdSealVerification.verify(one);
        }
        double vSeconds = (System.nanoTime() - vStart) / 1e9;
        System.out.printf("OFD: %d rendered+sealed invoices in %.2f s = %.1f/s on one thread (%d bytes each); %.1f verifications/s%n",
                n, seconds, n / seconds, one.length, n / vSeconds);
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** The text of the first object a tag points at, read back from the page. */
    private static String objectText(java.util.Map<String, byte[]> files, String tags, String tag) {
        var ref = Pattern.compile("<ofd:" + tag + "><ofd:ObjectRef PageRef=\"\\d+\">(\\d+)</ofd:ObjectRef>").matcher(tags);
        assertThat(ref.find()).as(tag).isTrue();
        var object = Pattern.compile("<ofd:TextObject ID=\"" + ref.group(1) + "\"[^>]*>.*?<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>")
                .matcher(text(files.get("Doc_0/Pages/Page_0/Content.xml")));
        assertThat(object.find()).as(tag + " object " + ref.group(1)).isTrue();
        return object.group(1);
    }
}

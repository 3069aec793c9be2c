package org.alliancechain.einvoice;

import static org.alliancechain.einvoice.EInvoiceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.documents.UblInvoices;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.InvoiceNumber;
import org.alliancechain.einvoice.tax.Province;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk issuance from files: CSV tables and UBL invoices, as a job with progress and a per-row report. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class BulkUploadTest {

    @BeforeEach
    void issuers() {
        ensureIssuers();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ubl(String buyerTaxId) {
        var computed = TaxCalculator.compute(List.of(InvoiceLineInput.exclusive("办公椅 Office chair", "5", "320.00", "0.13"))).requireOk();
        var document = new InvoiceDocument(InvoiceKind.DIGITAL_ORDINARY, InvoiceNumber.of(2026, Province.BEIJING, 1, 1),
                LocalDate.now(), "CNY", InvoiceDocument.Party.of("Acme Trading", UnifiedSocialCreditCode.parse(ACME_TAX_ID).orThrow()),
                InvoiceDocument.Party.of("Nova Manufacturing", UnifiedSocialCreditCode.parse(buyerTaxId).orThrow()), computed, "PO-77", null);
        return UblInvoices.invoice(document);
    }

    private static JsonPath awaitReady(String jobId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "READY".equals(
                as(SELLER).get("/api/invoices/uploads/" + jobId).then().statusCode(200).extract().path("state")));
        return as(SELLER).get("/api/invoices/uploads/" + jobId + "/report").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCsvTableAndUblInvoicesAreIssuedAsAJobAndARefusedRowIsReportedWhileTheOthersAreIssued() {
        String stranger = UnifiedSocialCreditCode.withCheckCharacter("91110108MA0000998").value();
        String table = "reference,kind,buyerTaxId,name,unit,quantity,unitPrice,rate,note\n"
                + "PO-1,DIGITAL_SPECIAL," + NOVA_TAX_ID + ",\"钢材, 冷轧 Steel, cold-rolled\",吨,2,4100.00,0.13,合同 C-1\n"
                + "PO-1,DIGITAL_SPECIAL," + NOVA_TAX_ID + ",运输服务 Freight,次,1,300.00,0.09,\n"
                + "PO-2,DIGITAL_ORDINARY," + stranger + ",咨询 Consulting,次,1,500.00,0.06,\n"
                + "PO-3,DIGITAL_ORDINARY," + NOVA_TAX_ID + ",咨询 Consulting,次,3,500.00,0.06,\n";
        var job = as(SELLER).multiPart("files", "orders.csv", csv(table), "text/csv").multiPart("files", "chair.xml", ubl(NOVA_TAX_ID),
                "application/xml").post("/api/invoices/uploads").then().statusCode(202).extract().jsonPath();
        assertThat(job.getInt("total")).isEqualTo(4);
        var report = awaitReady(job.getString("id"));
        List<Map<String, Object>> rows = report.getList("$");
        assertThat(rows).hasSize(4);
        assertThat(report.getList("findAll { it.status == 'ISSUED' }.source", String.class))
                .containsExactlyInAnyOrder("orders.csv PO-1 (row 2)", "orders.csv PO-3 (row 5)", "chair.xml");
        var refused = report.getMap("find { it.status == 'REFUSED' }");
        assertThat(refused.get("source")).isEqualTo("orders.csv PO-2 (row 4)");
        assertThat((String) refused.get("problem")).contains("buyerTaxId").contains("no member");
        // PO-1 is one invoice of two lines: 2 × 4100 at 13 % + 300 at 9 % = 9266 + 327 = 9593.00.
        assertThat(report.getString("find { it.source == 'orders.csv PO-1 (row 2)' }.total")).isEqualTo("9593.00");
        long id = report.getLong("find { it.source == 'chair.xml' }.invoiceId");
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + id).then().statusCode(200).extract().<String>path("buyer.taxId")).isEqualTo(NOVA_TAX_ID);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeNamingRowColumnOrRuleAndNothingIsIssued() {
        var bad = as(SELLER).multiPart("files", "orders.csv", csv("reference,buyerTaxId,name,quantity,unitPrice,rate\n"
                + "A,"+ NOVA_TAX_ID + ",x,1,10,0.13\nB," + NOVA_TAX_ID + ",y,two,10,0.13\n"), "text/csv").post("/api/invoices/uploads");
        bad.then().statusCode(422).contentType("application/problem+json");
        assertThat(bad.jsonPath().getList("errors.field", String.class)).containsExactly("orders.csv: row 3, column quantity");
        var unknownColumn = as(SELLER).multiPart("files", "orders.csv", csv("reference,buyer,name\nA,x,y\n"), "text/csv").post("/api/invoices/uploads");
        unknownColumn.then().statusCode(422);
        assertThat(unknownColumn.jsonPath().getString("detail")).contains("unknown column 'buyer'");
        // A UBL invoice whose total was changed fails the EN 16931 rules, named by their ids.
        String xml = new String(ubl(NOVA_TAX_ID), StandardCharsets.UTF_8);
        String tampered = xml.replaceFirst("(<cbc:TaxInclusiveAmount currencyID=\"CNY\">)([0-9.]+)", "$19999.99");
        var failing = as(SELLER).multiPart("files", "tampered.xml", tampered.getBytes(StandardCharsets.UTF_8), "application/xml")
                .post("/api/invoices/uploads");
        failing.then().statusCode(422).contentType("application/problem+json");
        assertThat(failing.jsonPath().getList("errors.message", String.class)).anyMatch(m -> m.startsWith("BR-CO-15"));
        // Not a table nor XML: refused by type before it is read.
        as(SELLER).multiPart("files", "orders.csv", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, "text/csv").post("/api/invoices/uploads")
                .then().statusCode(415).contentType("application/problem+json");
    }
}

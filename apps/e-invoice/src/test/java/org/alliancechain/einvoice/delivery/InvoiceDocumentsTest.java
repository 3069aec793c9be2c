package org.alliancechain.einvoice.delivery;

import static org.alliancechain.einvoice.EInvoiceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.alliancechain.einvoice.documents.En16931Validation;
import org.alliancechain.einvoice.documents.pdf.InvoicePdfs;
import org.alliancechain.testsupport.pdf.PdfChecks;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An invoice's documents delivered over the API, against Keycloak, PostgreSQL and anvil; checked with veraPDF and EU DSS. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class InvoiceDocumentsTest {

    @Inject
    DevPki pki;

    @Inject
    EvidenceConfig evidence;

    @BeforeEach
    void issuers() {
        ensureIssuers();
    }

    @Test
    void theBuyerDownloadsTheSellerSignedPdfAndItsUblAndEveryoneOnTheInvoiceGetsTheSameBytesAgain() throws Exception {
        long id = awaitIssued(issueToNova("服务器 Server", "3", "4197.17").getLong("id")).getLong("id");
        String number = as(SELLER).get("/api/invoices/" + id).then().extract().path("number");

        var response = as(BUYER_RECEIVER).get("/api/invoices/" + id + "/documents/pdf").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("filename*=UTF-8''")).extract();
        byte[] pdf = response.asByteArray();
        assertThat(response.header("ETag")).contains(org.alliancechain.evidence.HashAlgorithm.SHA256.hex(pdf));

        // Signed by the seller, whoever downloads it: PAdES B-T, valid for EU DSS under the suite's PKI.
        String crlUrl = evidence.publicUrl() + "/pki/root.crl";
        var dss = PdfChecks.dss(pdf, new PdfChecks.Trust(java.util.List.of(pki.rootCertificate(), pki.tsaRootCertificate()),
                java.util.Map.of(crlUrl, pki.crl(), DevPki.tsaCrlUrl(crlUrl), pki.tsaCrl())));
        assertThat(dss.signatures()).isEqualTo(1);
        assertThat(dss.indication()).as("DSS: %s %s", dss.subIndication(), dss.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dss.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(dss.signedBy()).contains(SELLER_ORG);
        assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF on the signed file").isEmpty();
        assertThat(PdfChecks.text(pdf)).contains(number).contains("¥14228.41").contains("壹万肆仟贰佰贰拾捌圆肆角壹分")
                .contains(ACME_TAX_ID).contains(NOVA_TAX_ID).contains("开票人：" + SELLER);

        byte[] ubl = as(BUYER_RECEIVER).get("/api/invoices/" + id + "/documents/ubl").then().statusCode(200)
                .contentType("application/xml").header("Content-Disposition", containsString(".xml")).extract().asByteArray();
        assertThat(PdfChecks.embeddedFiles(pdf).get(InvoicePdfs.XML_FILE)).isEqualTo(ubl);
        var report = En16931Validation.validate(ubl);
        assertThat(report.documentType()).isEqualTo("Invoice");
        assertThat(report.fatal()).isEmpty();
        assertThat(new String(ubl, StandardCharsets.UTF_8)).contains(number);

        // Kept: the seller and the buyer's approver get the very same bytes later.
        assertThat(as(SELLER).get("/api/invoices/" + id + "/documents/pdf").then().statusCode(200).extract().asByteArray()).isEqualTo(pdf);
        assertThat(as(BUYER_APPROVER).get("/api/invoices/" + id + "/documents/pdf").then().statusCode(200).extract().asByteArray())
                .isEqualTo(pdf);
        assertThat(as(SELLER).get("/api/invoices/" + id + "/documents/ubl").then().statusCode(200).extract().asByteArray()).isEqualTo(ubl);

        // A third company learns nothing of it.
        as(OUTSIDER_FINANCE).get("/api/invoices/" + id + "/documents/pdf").then().statusCode(404);
        as(OUTSIDER_FINANCE).get("/api/invoices/" + id + "/documents/ubl").then().statusCode(404);
        as(BUYER_RECEIVER).get("/api/invoices/" + Long.MAX_VALUE + "/documents/pdf").then().statusCode(404);
    }

    @Test
    void theOfdIsSealedWithTheSellersElectronicInvoiceSealAndVerifies() {
        long id = awaitIssued(issueToNova("网络服务 Network service", "2", "1500.00").getLong("id")).getLong("id");
        String number = as(SELLER).get("/api/invoices/" + id).then().extract().path("number");
        String sellerName = as(SELLER).get("/api/invoices/" + id).then().extract().path("seller.name");

        var response = as(BUYER_RECEIVER).get("/api/invoices/" + id + "/documents/ofd").then().statusCode(200)
                .contentType("application/ofd").header("Content-Disposition", containsString(".ofd")).extract();
        byte[] ofd = response.asByteArray();
        var report = org.alliancechain.einvoice.documents.ofd.OfdSealVerification.verify(ofd);
        assertThat(report.valid()).as("%s", report).isTrue();
        assertThat(report.signatures()).hasSize(1);
        var seal = report.signatures().getFirst();
        assertThat(seal.sealName()).isEqualTo(sellerName + "发票专用章");
        assertThat(seal.signerSubject()).contains(ACME_TAX_ID);
        assertThat(new String(ofd, StandardCharsets.ISO_8859_1)).as("an OFD is a ZIP package").startsWith("PK");

        // Kept, the same for everyone on the invoice; nobody else learns of it.
        assertThat(as(SELLER).get("/api/invoices/" + id + "/documents/ofd").then().statusCode(200).extract().asByteArray()).isEqualTo(ofd);
        as(OUTSIDER_FINANCE).get("/api/invoices/" + id + "/documents/ofd").then().statusCode(404);
        assertThat(number).isNotBlank();
    }
}

package org.alliancechain.einvoice.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.regex.Pattern;
import org.alliancechain.einvoice.EInvoiceFlow;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The e-invoice story in a real headless Chromium against the real Keycloak, PostgreSQL and anvil,
 * through the pages only (the bureau's taxpayers and issuers come from {@link EInvoiceFlow#ensureIssuers()}):
 * the tax officer changes a limit → the issuer issues an invoice through the form (a refusal shown next
 * to its field first) → the buyer's receiver sees it received and books it → the buyer's approver
 * reimburses it and sees it accepted → another member's approver tries the same and is told who
 * reimbursed it and when → the seller starts a partial red-letter form on it (more than is left refused
 * next to its field first), the buyer's receiver confirms it and the red invoice reaches the chain →
 * a visitor verifies it on the public page, partly red-lettered → the officer reads the oversight
 * figures. Every page shown meets WCAG AA contrast.
 *
 * <p>Each step is a method over the {@link Story} so far; the red-letter step changes what the public
 * verification expects (state and remaining amount).
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class EInvoiceStoryBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.perTestClass();

    @TestHTTPResource("/")
    URL url;

    /** The app as the realm's redirect URIs know it (the loopback address, not "localhost"). */
    String app;

    /** What the story has produced so far: the invoice as the issuer's page shows it. */
    static final class Story {
        long invoiceId;
        String number;
        String issueDate;
        String total;
        String verifyUrl;
        /** What the public page should say of the invoice at the end: its state and remaining amount. */
        String expectedState = "Issued";
        String expectedRemaining = "3,708.00";
    }

    @Test
    void officerChangesALimitIssuerIssuesBuyerBooksAndReimbursesSecondMemberIsRefusedVisitorVerifies() {
        browser.timeout(Duration.ofSeconds(40));
        app = "http://127.0.0.1:" + url.getPort() + "/";
        EInvoiceFlow.ensureIssuers();
        var story = new Story();

        theOfficerChangesAnIssuersLimit();
        theIssuerIssuesAnInvoiceThroughTheForm(story);
        theBuyersReceiverSeesItReceivedAndBooksIt(story);
        theBuyersApproverReimbursesItAndSeesItAccepted(story);
        aSecondMembersApproverIsToldWhoReimbursedItFirst(story);
        theSellerStartsAPartialRedLetterFormAndTheBuyerConfirmsIt(story);
        aVisitorVerifiesTheInvoice(story);
        theApproverTakesTheReimbursementBack(story);
        theOfficerReadsTheOversightFigures();
    }

    /** 1. The tax officer raises nova-manufacturing's quota on the bureau page; the change is followed until the chain confirms it. */
    void theOfficerChangesAnIssuersLimit() {
        browser.signIn(app, EInvoiceFlow.OFFICER, "app");
        browser.waitFor("#app-links");
        assertThat(browser.exists("#home-bureau") && browser.exists("#home-oversight")).as("the officer's links on the home page").isTrue();
        browser.assertLegible("the officer's home page");
        browser.open(app + "app/bureau");
        browser.waitFor("#issuer-" + EInvoiceFlow.BUYER_ORG);
        assertThat(browser.text("#taxpayers")).contains(EInvoiceFlow.SELLER_ORG).contains(EInvoiceFlow.BUYER_ORG).contains(EInvoiceFlow.OUTSIDER_ORG);
        assertThat(browser.exists("#issuer-" + EInvoiceFlow.SELLER_ORG + " svg.quota")).as("a quota-use bar").isTrue();
        browser.assertLegible("the bureau page");
        // A quota that is not a number is refused next to the field, and nothing changes.
        browser.click("#manage-" + EInvoiceFlow.BUYER_ORG + " summary");
        browser.fill("#quota-" + EInvoiceFlow.BUYER_ORG, "lots");
        browser.click("#save-limits-" + EInvoiceFlow.BUYER_ORG);
        browser.waitFor("#error");
        assertThat(browser.text("#limits-" + EInvoiceFlow.BUYER_ORG + " .field-error")).contains("is not a number");
        browser.assertLegible("the bureau page with a refused form");
        browser.fill("#quota-" + EInvoiceFlow.BUYER_ORG, "150000000.00");
        browser.click("#save-limits-" + EInvoiceFlow.BUYER_ORG);
        browser.waitForText("#notice", "The limits are changed");
        assertThat(browser.text("#issuer-" + EInvoiceFlow.BUYER_ORG + " .quota-amount")).isEqualTo("150,000,000.00");
        browser.waitForText("#issuer-" + EInvoiceFlow.BUYER_ORG + " .chain", "Confirmed"); // the page refreshes itself while pending
        browser.assertLegible("the bureau page with a confirmed change");
        browser.signOut(app);
    }

    /** 2. acme's issuer issues a two-line invoice to nova through the form; an unknown buyer is refused next to its field first. */
    void theIssuerIssuesAnInvoiceThroughTheForm(Story story) {
        browser.signIn(app, EInvoiceFlow.SELLER, "app/invoices/new");
        browser.waitFor("#issue");
        browser.assertLegible("the issue form");
        browser.fill("#buyerTaxId", "12345");
        browser.fill("#line-0-name", "*机械设备*数控机床配件 CNC parts");
        browser.fill("#line-0-unit", "件");
        browser.fill("#line-0-quantity", "2");
        browser.fill("#line-0-unitPrice", "1500.00");
        browser.select("#line-0-rate", "0.13");
        browser.click("#add-line");
        browser.waitFor("#line-1-name");
        browser.fill("#line-1-name", "*信息技术服务*安装调试 Installation");
        browser.fill("#line-1-amount", "300.00");
        browser.select("#line-1-rate", "0.06");
        browser.fill("#note", "合同 Contract AC-2026-88");
        browser.click("#submit-invoice");
        browser.waitFor("#error-buyerTaxId");
        assertThat(browser.value("#line-1-name")).as("the lines are kept when the form is refused").contains("Installation");
        browser.assertLegible("the issue form with a refusal next to its field");

        browser.fill("#buyerTaxId", EInvoiceFlow.NOVA_TAX_ID);
        browser.click("#submit-invoice");
        browser.waitForText("#notice", "The invoice is issued");
        var matcher = Pattern.compile("/app/invoices/(\\d+)").matcher(browser.currentUrl());
        assertThat(matcher.find()).as("the invoice page after issuing: " + browser.currentUrl()).isTrue();
        story.invoiceId = Long.parseLong(matcher.group(1));
        browser.waitForText("#invoice-state", "Issued"); // followed until InvoiceRegistry confirms it
        story.number = browser.text("#invoice-number");
        story.issueDate = browser.text("#issue-date");
        story.total = browser.text("#invoice-total");
        assertThat(story.number).matches("\\d{20}");
        assertThat(story.total).isEqualTo("3,708.00"); // 2 × 1,500.00 + 13 % and 300.00 + 6 %
        assertThat(browser.text("#invoice-lines")).contains("CNC parts").contains("Installation").contains("390.00").contains("18.00");
        assertThat(browser.text("#chain-tx")).startsWith("0x");
        assertThat(browser.text("#record-digest")).matches("[0-9a-f]{64}");
        assertThat(browser.exists("#summary svg.qr")).as("the QR code of the public verification").isTrue();
        story.verifyUrl = browser.driver().findElement(By.cssSelector("#verify-link")).getDomAttribute("href");
        browser.assertLegible("the invoice page");
        browser.open(app + "app/invoices/issued");
        browser.waitForText("#invoice-" + story.invoiceId, "Issued");
        browser.assertLegible("the issued invoices");
        browser.signOut(app);
    }

    /** 3. nova's receiver sees the invoice among the received ones and books it as deductible. */
    void theBuyersReceiverSeesItReceivedAndBooksIt(Story story) {
        browser.signIn(app, EInvoiceFlow.BUYER_RECEIVER, "app/invoices/received");
        String row = "#invoice-" + story.invoiceId;
        browser.waitForText(row, "Issued");
        assertThat(browser.text(row)).contains(story.number).contains("3,708.00").contains("Acme");
        browser.assertLegible("the received invoices");
        browser.select("#mark-" + story.invoiceId, "BOOKED_DEDUCTIBLE");
        browser.click("#book-button-" + story.invoiceId);
        browser.waitForText("#notice", "The booking is submitted");
        browser.waitForText(row + " .booking", "Booked");
        browser.assertLegible("the received invoices with a booking");
        browser.signOut(app);
    }

    /** 4. nova's expense approver reimburses the invoice by number, date and total; the chain accepts it. */
    void theBuyersApproverReimbursesItAndSeesItAccepted(Story story) {
        browser.signIn(app, EInvoiceFlow.BUYER_APPROVER, "app/reimbursements");
        browser.waitFor("#reimburse");
        browser.assertLegible("the reimbursement page");
        reimburse(story, "EXP-2026-0412");
        browser.waitForText("#notice", "The reimbursement is submitted");
        String row = "#claims tr[data-number='" + story.number + "'][data-kind='REIMBURSEMENT']";
        browser.waitForText(row, "Accepted");
        assertThat(browser.text(row)).contains("EXP-2026-0412");
        browser.assertLegible("the reimbursement page with an accepted claim");
        browser.signOut(app);
    }

    /** 5. pixel-studio's approver presents the same invoice: refused, naming nova-manufacturing and when. */
    void aSecondMembersApproverIsToldWhoReimbursedItFirst(Story story) {
        browser.signIn(app, EInvoiceFlow.OUTSIDER_FINANCE, "app/reimbursements");
        browser.waitFor("#reimburse");
        reimburse(story, "PX-77");
        browser.waitFor("#refusal");
        assertThat(browser.text("#refusal")).contains("已由 " + EInvoiceFlow.BUYER_ORG + " 于 ")
                .contains("Already reimbursed by " + EInvoiceFlow.BUYER_ORG + " on ")
                .containsPattern("on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        browser.assertLegible("the refused reimbursement");
        browser.signOut(app);
    }

    /**
     * 6. acme's issuer offsets one of the two CNC parts (1,500.00 + 13 % = 1,695.00) from the invoice's
     * page: nova booked it, so the form awaits the buyer (02). Three parts are refused next to the
     * line first. nova's receiver sees the form on the red-letter page and confirms it (04); the red
     * invoice is issued and followed until the chain confirms it.
     */
    void theSellerStartsAPartialRedLetterFormAndTheBuyerConfirmsIt(Story story) {
        browser.signIn(app, EInvoiceFlow.SELLER, "app/invoices/" + story.invoiceId);
        browser.waitFor("#red-letter-start");
        assertThat(browser.text("#remaining-total")).isEqualTo("3,708.00");
        assertThat(browser.text("#remaining-line-0 .left-amount")).isEqualTo("3,390.00");
        assertThat(browser.text("#remaining-line-1 .left-amount")).isEqualTo("318.00");
        assertThat(browser.text("#red-letter-hint")).contains("72 hours");
        assertThat(browser.exists("#red-buyer-deducted")).as("the deducted-VAT box is the buyer's").isFalse();
        browser.assertLegible("the invoice page with the red-letter form");
        browser.select("#red-reason", "02");
        browser.fill("#red-quantity-0", "3");
        browser.click("#red-letter-submit");
        browser.waitFor("#error-red-quantity-0");
        assertThat(browser.text("#error-red-quantity-0")).contains("is not within the remaining");
        assertThat(browser.value("#red-quantity-0")).as("the form is kept when refused").isEqualTo("3");
        browser.assertLegible("the red-letter form with a refusal next to its field");
        browser.fill("#red-quantity-0", "1");
        browser.click("#red-letter-submit");
        browser.waitForText("#notice", "awaits the other party");
        String row = "#forms tr.red-form[data-blue='" + story.number + "']";
        browser.waitForText(row + " .form-state", "02");
        assertThat(browser.text(row + " .form-state")).contains("Entered by the seller, awaiting the buyer").containsPattern("\\d+ h \\d+ min left");
        assertThat(browser.text(row + " .red-total")).isEqualTo("-1,695.00");
        assertThat(browser.exists(row + " button.withdraw")).as("the initiator may withdraw").isTrue();
        assertThat(browser.exists(row + " button.confirm")).as("the initiator does not confirm").isFalse();
        browser.assertLegible("the seller's red-letter forms");
        browser.signOut(app);

        browser.signIn(app, EInvoiceFlow.BUYER_RECEIVER, "app");
        browser.waitFor("#home-red-letter");
        browser.open(app + "app/red-letter");
        browser.waitForText(row + " .form-state", "02");
        assertThat(browser.exists(row + " button.refuse")).as("the counterparty may refuse").isTrue();
        browser.assertLegible("the buyer's red-letter forms");
        browser.click(row + " button.confirm");
        browser.waitForText("#notice", "The form is confirmed");
        browser.waitForText(row + " .form-state", "04");
        assertThat(browser.text(row + " .red-number")).matches("\\d{20}");
        browser.waitForText(row + " .red-chain", "Confirmed"); // the page refreshes itself until the chain confirms the red invoice
        browser.assertLegible("the confirmed red-letter form");
        browser.open(app + "app/invoices/" + story.invoiceId);
        browser.waitForText("#invoice-state", "Partly red-lettered");
        assertThat(browser.text("#remaining-total")).isEqualTo("2,013.00");
        assertThat(browser.text("#remaining-line-0 .left-quantity")).isEqualTo("1");
        assertThat(browser.text("#red-invoices")).contains("-1,695.00");
        browser.assertLegible("the partly red-lettered invoice");
        browser.signOut(app);
        story.expectedState = "Partly red-lettered";
        story.expectedRemaining = "2,013.00";
    }

    /** 7. A visitor, signed in nowhere, follows the invoice's QR link: valid, its state and remaining amount, reimbursed, the transaction. */
    void aVisitorVerifiesTheInvoice(Story story) {
        browser.open(story.verifyUrl.replaceFirst("^https?://[^/]+/", app));
        browser.waitFor("#answer");
        assertThat(browser.text("#validity")).contains("VALID");
        assertThat(browser.text("#answer-state")).contains(story.expectedState);
        assertThat(browser.text("#answer-remaining")).isEqualTo(story.expectedRemaining);
        assertThat(browser.text("#reimbursed")).contains("Yes");
        assertThat(browser.text("#answer-tx")).startsWith("0x");
        assertThat(browser.text("#answer")).doesNotContain(EInvoiceFlow.BUYER_ORG).doesNotContain(EInvoiceFlow.SELLER_ORG)
                .doesNotContain("Nova").doesNotContain("Acme");
        browser.assertLegible("the public verification of a valid invoice");
        // The same form with a wrong total finds nothing.
        browser.fill("#total", "3708.01");
        browser.click("#verify-button");
        browser.waitForText("#validity", "NOT FOUND");
        browser.assertLegible("the public verification finding nothing");
    }

    /** 8. The tax officer reads the bureau's figures: tables and charts per issuer and month. */
    void theOfficerReadsTheOversightFigures() {
        browser.signIn(app, EInvoiceFlow.OFFICER, "app/bureau/oversight");
        browser.waitFor("#figures-" + EInvoiceFlow.SELLER_ORG);
        assertThat(Long.parseLong(browser.text("#figures-" + EInvoiceFlow.SELLER_ORG + " .blue-count"))).isPositive();
        assertThat(browser.exists("svg#chart-amount") && browser.exists("svg#chart-months") && browser.exists("svg#chart-red-rate")
                && browser.exists("svg#chart-duplicates")).as("the charts").isTrue();
        assertThat(browser.text("#month-totals")).containsPattern("\\d{4}-\\d{2}");
        browser.assertLegible("the oversight page");
        browser.signOut(app);
        // The API answers the same figures.
        var figures = EInvoiceFlow.as(EInvoiceFlow.OFFICER).get("/api/oversight/issuers").then().statusCode(200).extract().jsonPath();
        assertThat(figures.getLong("find { it.organisation == '" + EInvoiceFlow.SELLER_ORG + "' }.blueCount")).isPositive();
        assertThat(EInvoiceFlow.as(EInvoiceFlow.OFFICER).get("/api/oversight/months").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.organisation == '" + EInvoiceFlow.SELLER_ORG + "' }.month", String.class)).isNotEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------

    /** 8. The expense claim is withdrawn: nova's approver takes the reimbursement back with the reason; the chain records it. */
    void theApproverTakesTheReimbursementBack(Story story) {
        browser.signIn(app, EInvoiceFlow.BUYER_APPROVER, "app/reimbursements");
        String row = "#claims tr[data-number='" + story.number + "'][data-kind='REIMBURSEMENT']";
        browser.waitFor(row + " form.reverse");
        browser.fill(row + " form.reverse input[name='reason']", "报销单作废 Expense claim withdrawn");
        browser.click(row + " form.reverse button");
        browser.waitForText("#notice", "Taking it back is submitted");
        browser.waitForText(row, "Reversed");
        assertThat(browser.text(row)).contains("报销单作废 Expense claim withdrawn");
        browser.assertLegible("the reimbursement page with a reversed claim");
        browser.signOut(app);
    }

    private void reimburse(Story story, String reference) {
        browser.select("#kind", "DIGITAL_SPECIAL");
        browser.fill("#number", story.number);
        // A date input takes typed keys in the browser's locale; set its value as the form sends it (yyyy-mm-dd).
        browser.script("document.getElementById('issueDate').value = arguments[0];", story.issueDate);
        browser.fill("#total", story.total.replace(",", ""));
        browser.fill("#reference", reference);
        browser.click("#reimburse-button");
    }
}

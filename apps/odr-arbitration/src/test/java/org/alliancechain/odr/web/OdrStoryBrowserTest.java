package org.alliancechain.odr.web;

import static org.alliancechain.odr.OdrFlow.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story in a real headless Chromium against the real Keycloak, PostgreSQL and anvil,
 * through the pages only: the claimant files a case with two evidence files → the clerk accepts it
 * and assigns an arbitrator → the respondent comments on an item → the arbitrator issues the award
 * → a visitor, signed in nowhere, verifies the award PDF on the public page (and follows its QR code).
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrStoryBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.perTestClass();

    @TestHTTPResource("/")
    URL url;

    /** The app as the realm's redirect URIs know it (the loopback address, not "localhost"). */
    String app;

    @TempDir
    Path files;

    @Test
    void claimantFilesClerkAcceptsRespondentCommentsArbitratorIssuesVisitorVerifies() throws Exception {
        browser.timeout(Duration.ofSeconds(30));
        app = "http://127.0.0.1:" + url.getPort() + "/";
        Path contract = Files.write(files.resolve("采购合同 purchase contract.pdf"), OdrFlow.pdf("contract AC-2026-31"));
        Path delivery = Files.write(files.resolve("delivery-note.png"), OdrFlow.png(7));

        // 1. The claimant files the case with two evidence files.
        browser.signIn(app, OdrFlow.CLAIMANT, "app/cases/new");
        browser.waitForText("h2", "申请仲裁 · File a case");
        browser.assertLegible("the filing form");
        // The shared header links the suite's four applications, this one marked.
        assertThat(browser.text("#app-odr-arbitration")).contains("在线仲裁");
        assertThat(browser.exists("#app-e-invoice") && browser.exists("#app-supply-finance") && browser.exists("#app-copyright")).isTrue();
        browser.fill("#title", "设备货款纠纷 Unpaid equipment");
        browser.fill("#commission", OdrFlow.COMMISSION);
        browser.fill("#respondent", OdrFlow.RESPONDENT_ORG);
        browser.fill("#claim", "支付货款及利息 Payment of the price of the equipment delivered in October, with interest");
        browser.fill("#amount", "86000.00");
        browser.fill("#currency", "CNY");
        browser.fill("#agreementReference", "Contract AC-2026-31, clause 9");
        browser.upload("#documents", contract, delivery);
        browser.click("#submit-filing");
        browser.waitForText("#notice", "The case is filed");
        var matcher = Pattern.compile("/app/cases/(\\d+)").matcher(browser.currentUrl());
        assertThat(matcher.find()).as("the case page after filing: " + browser.currentUrl()).isTrue();
        long id = Long.parseLong(matcher.group(1));
        assertThat(browser.text("#case-status")).contains("已立案申请").contains("Filed");
        assertThat(browser.text("#item-C-1")).contains("采购合同 purchase contract.pdf").contains("application/pdf");
        assertThat(browser.text("#item-C-2")).contains("delivery-note.png").contains("image/png");
        String caseNumber = browser.text("#case-number");
        assertThat(caseNumber).matches("HZ-ARBITRATION-\\d{4}-\\d{6}");
        browser.open(app + "app/cases");
        browser.waitForText("#cases", caseNumber);
        browser.assertLegible("the case list");
        browser.open(app + "app");
        browser.waitFor("#notarisations");
        browser.assertLegible("the home page");
        browser.signOut(app);
        browser.waitFor("#signed-out");
        browser.assertLegible("the signed-out page");

        // 2. The clerk accepts the case and assigns a sole arbitrator.
        browser.signIn(app, OdrFlow.CLERK, "app/cases/" + id);
        // The clerk's session cookie in a form posted from another site (or naming no site) is refused: nothing changes.
        var session = io.restassured.RestAssured.given().redirects().follow(false);
        for (var cookie : browser.driver().manage().getCookies()) {
            session = session.cookie(cookie.getName(), cookie.getValue());
        }
        session.header("Origin", "https://evil.example").formParam("reason", "forged").post(app + "app/cases/" + id + "/rejection")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("https://evil.example"));
        browser.open(app + "app/cases/" + id);
        assertThat(browser.text("#case-status")).contains("Filed");
        browser.fill("#arbitrator1", OdrFlow.ARBITRATOR);
        browser.click("#accept");
        browser.waitForText("#notice", "tribunal formed");
        browser.waitForText("#case-status", "Evidence period");
        assertThat(browser.text("#tribunal")).contains(OdrFlow.ARBITRATOR);
        browser.signOut(app);

        // 3. The respondent disputes the authenticity of C-2; the evidence shows as anchored meanwhile.
        browser.signIn(app, OdrFlow.RESPONDENT, "app/cases/" + id);
        assertThat(browser.text("#your-side")).isEqualTo("RESPONDENT");
        browser.click("#item-C-2 + tr details summary");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector("#comment-C-2 select[name=authenticity] option[value=DISPUTED]")).click();
        browser.fill("#comment-C-2 textarea[name=opinion]", "送货单无我方签收 The delivery note bears no signature of ours");
        browser.click("#comment-C-2 button[type=submit]");
        browser.waitForText("#notice", "The comment is recorded");
        assertThat(browser.text("#evidence")).contains("DISPUTED").contains("The delivery note bears no signature of ours");
        browser.waitForText("#item-C-1", "CONFIRMED"); // the page refreshes itself while chain writes are pending
        browser.waitFor("#timeline li.CONFIRMED");
        browser.assertLegible("the case page with confirmed chain steps in its timeline");
        // A program disguised as a PDF is refused on the page with the reason, and nothing is stored.
        Path disguised = Files.write(files.resolve("invoice.pdf"), OdrFlow.elf());
        browser.upload("#files", disguised);
        browser.click("#upload");
        browser.waitForText("#error", "invoice.pdf");
        assertThat(browser.exists("#item-R-1")).as("no evidence stored from a refused upload").isFalse();
        // The respondent attaches, by reference, the case's filing event on chain (its transaction, from the timeline).
        String filingTx = browser.text("li[data-step=FILED] code").replace("tx ", "").strip();
        browser.click("#reference-section summary");
        browser.fill("#reference", "event:" + filingTx);
        browser.click("#attach-reference");
        browser.waitForText("#notice", "Attached by reference");
        assertThat(browser.text("#item-R-1")).contains("引用 Reference").contains("CaseRegistry.CaseFiled");
        // The evidence export is built in the background; the page shows its progress until the download is there.
        browser.click("#export");
        browser.waitForText("#notice", "The evidence export is being built");
        browser.waitForText("#exports", "READY");
        assertThat(browser.exists("#exports .export-file")).isTrue();
        browser.screenshot("story-3-respondent");
        browser.signOut(app);

        // 4. The arbitrator drafts and issues the award; the page follows it until the signed PDF can be had.
        browser.signIn(app, OdrFlow.ARBITRATOR, "app/cases/" + id);
        browser.fill("#decision", "被申请人向申请人支付货款人民币86,000元。The respondent shall pay the claimant CNY 86,000.");
        browser.fill("#reasoning", "The equipment was delivered (C-1); the respondent's objection to C-2 does not concern delivery.");
        browser.click("#save-draft");
        browser.waitForText("#notice", "The draft award is saved");
        browser.click("#issue");
        browser.waitForText("#notice", "The award is issued");
        browser.waitForText("#case-status", "Awarded");
        browser.waitFor("#award-pdf");
        assertThat(browser.text("#timeline")).contains("作出裁决 · Award issued").contains("裁决书送达 · Award made available");
        String verifyUrl = browser.driver().findElement(org.openqa.selenium.By.cssSelector("#award-verify")).getDomAttribute("href");
        assertThat(browser.exists("#award svg.qr")).as("the award's QR code").isTrue();
        browser.screenshot("story-4-award");
        browser.signOut(app);

        // 5. A visitor, not signed in, verifies the award PDF that a party handed over, and follows its QR code.
        byte[] award = as(OdrFlow.CLAIMANT).get("/api/cases/" + id + "/award/pdf").then().statusCode(200).extract().asByteArray();
        Path awardPdf = Files.write(files.resolve("award.pdf"), award);
        browser.open(app + "verify");
        browser.upload("#certificate", awardPdf);
        browser.click("#verify");
        browser.waitForText("#verdict", "VALID");
        browser.assertLegible("the verification page with its report");
        assertThat(browser.text("#report")).contains(OdrFlow.COMMISSION);
        browser.open(verifyUrl.replaceFirst("^https?://[^/]+/", app));
        browser.waitForText("#lookup", "裁决书 Award");
        assertThat(browser.text("#lookup")).contains(caseNumber).contains("CONFIRMED").doesNotContain("Unpaid equipment");
        // The award PDF dropped as a file: found by its SHA-256.
        browser.open(app + "verify");
        browser.upload("#file", awardPdf);
        browser.click("#verify");
        browser.waitForText("#lookup", "File registered");
        browser.screenshot("story-5-visitor");
    }
}

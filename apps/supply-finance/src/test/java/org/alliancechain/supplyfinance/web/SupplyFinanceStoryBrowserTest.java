package org.alliancechain.supplyfinance.web;

import org.alliancechain.supplyfinance.SupplyFinanceFlow;
import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The supply-finance story in a real headless Chromium against the real Keycloak, PostgreSQL and
 * anvil, through the pages only (the supplier's invoices to the core enterprise come from the chain,
 * {@link org.alliancechain.supplyfinance.SupplyFinanceFlow#issueInvoice}): the core enterprise confirms a
 * payable (a wrong invoice number refused first) → the tier-1 supplier offers part of it to its own
 * supplier, who accepts → the tier-1 supplier asks for financing of what it kept → a bank quotes on
 * its desk → the supplier compares and accepts the quote → the bank records its payment → the
 * certificate's page draws the tree with the bank's part. Every page shown meets WCAG AA contrast.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class SupplyFinanceStoryBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.perTestClass();

    @TestHTTPResource("/")
    URL url;

    String app;

    @Test
    void coreConfirmsSupplierPassesPartDownAndFinancesTheRestBankQuotesAndPays() {
        browser.timeout(Duration.ofSeconds(40));
        app = "http://127.0.0.1:" + url.getPort() + "/";
        authoriseIssuer(SUPPLIER_ORG);
        String invoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, 800_000_00L);
        // Both certificates of the story mature in ten days (chain time): the first is settled at maturity, the second left unpaid.
        LocalDate maturity = SupplyFinanceFlow.chainToday().plusDays(10);
        long unpaid = json(CORE).body(confirmBody(SUPPLIER_ORG, "90000.00", maturity, false, issueInvoice(SUPPLIER_ORG, CORE_ORG, 90_000_00L)))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(unpaid, CORE, "OUTSTANDING");

        // 1. The core enterprise confirms a payable of 800,000.00 against the invoice; an unknown number is refused first.
        browser.signIn(app, CORE, "app/certificates");
        browser.waitFor("#confirm-form");
        browser.assertLegible("the certificate list with the confirmation form");
        browser.fill("#supplier", SUPPLIER_ORG);
        browser.fill("#face", "800000.00");
        browser.driver().findElement(org.openqa.selenium.By.id("maturity")).clear();
        browser.script("document.getElementById('maturity').value = arguments[0]", maturity.toString());
        browser.fill("#poNumber", "PO-NOVA-2026-0815");
        browser.fill("#invoices", newNumber());
        browser.click("#confirm-button");
        browser.waitFor("#error");
        assertThat(browser.text("#error")).contains("invoice registry");
        browser.assertLegible("the confirmation form with a refusal");
        browser.fill("#invoices", invoice);
        browser.click("#confirm-button");
        browser.waitForText("#notice", "The payable is confirmed");
        var matcher = Pattern.compile("/app/certificates/(\\d+)").matcher(browser.currentUrl());
        assertThat(matcher.find()).as(browser.currentUrl()).isTrue();
        long certificate = Long.parseLong(matcher.group(1));
        browser.waitForText("#status", "outstanding"); // the page follows the chain
        assertThat(browser.exists("#tree rect.ACTIVE")).as("the root part drawn").isTrue();
        browser.assertLegible("the confirmed certificate");
        browser.signOut(app);

        // 2. The tier-1 supplier offers 300,000.00 to its own supplier.
        browser.signIn(app, SUPPLIER, "app/certificates/" + certificate);
        browser.waitFor("#my-parts");
        String rootForm = browser.driver().findElement(org.openqa.selenium.By.cssSelector("#my-parts form[id^=offer-form-]")).getDomAttribute("id");
        long root = Long.parseLong(rootForm.substring("offer-form-".length()));
        browser.fill("#offer-value-" + root, "300000.00");
        browser.fill("#offer-recipient-" + root, TIER2_ORG);
        browser.click("#offer-" + root);
        browser.waitForText("#notice", "The offer is made");
        browser.openUntil(app + "app/certificates/" + certificate, "#my-offers");
        browser.assertLegible("the certificate with an open offer");
        browser.signOut(app);

        // 3. The tier-2 supplier accepts it on the certificate's page.
        browser.signIn(app, TIER2, "app/certificates/" + certificate);
        browser.waitFor("#offers-to-me");
        browser.assertLegible("an offer to accept");
        browser.click("#offers-to-me button[id^=accept-]");
        browser.waitForText("#notice", "Submitted");
        browser.openUntil(app + "app/certificates/" + certificate, "#my-parts"); // once the chain says it is the tier-2 supplier's
        assertThat(browser.text("#my-parts")).contains("300,000.00").doesNotContain("500,000.00");
        browser.signOut(app);

        // 4. The tier-1 supplier asks for financing of 200,000.00 of what it kept.
        browser.signIn(app, SUPPLIER, "app/certificates/" + certificate);
        browser.openUntil(app + "app/certificates/" + certificate, "#finance-value-" + root);
        browser.fill("#finance-value-" + root, "200000.00");
        browser.click("#finance-" + root);
        browser.waitForText("#notice", "The financing request is made");
        browser.signOut(app);

        // 5. A bank quotes on its desk.
        browser.signIn(app, BANK, "app/financings");
        browser.openUntil(app + "app/financings", "#open-requests form[id^=quote-form-]");
        String quoteForm = browser.driver().findElement(org.openqa.selenium.By.cssSelector("#open-requests form[id^=quote-form-]")).getDomAttribute("id");
        long financing = Long.parseLong(quoteForm.substring("quote-form-".length()));
        browser.assertLegible("the bank's desk");
        browser.fill("#rate-" + financing, "3.90");
        browser.fill("#fee-" + financing, "1500.00");
        browser.click("#quote-" + financing);
        browser.waitForText("#notice", "The quote is submitted");
        browser.signOut(app);

        // 6. The supplier compares the quote (interest, fee, proceeds) and accepts it.
        browser.signIn(app, SUPPLIER, "app/financings");
        browser.openUntil(app + "app/financings", "#financing-" + financing + " button[id^=accept-quote-]"); // once the chain priced it
        assertThat(browser.text("#financing-" + financing + " .quotes")).contains("3.90%").contains("1,500.00").contains("blue-bank");
        browser.assertLegible("the supplier's quotes");
        browser.click("#financing-" + financing + " button[id^=accept-quote-]");
        browser.waitForText("#notice", "The quote is accepted");
        browser.openUntil(app + "app/financings", "#financing-" + financing + " .pledges");
        browser.signOut(app);

        // 7. The bank records its payment; the certificate's tree shows the bank's part.
        browser.signIn(app, BANK, "app/financings");
        browser.openUntil(app + "app/financings", "#payment-form-" + financing);
        browser.fill("#reference-" + financing, "BLUE-2026-000777");
        browser.fill("#crc-" + financing, "04512345000123456789");
        browser.click("#pay-" + financing);
        browser.waitForText("#notice", "The payment is recorded");
        browser.openUntil(app + "app/certificates/" + certificate, "#tree rect.FINANCED");
        assertThat(browser.text("#tree")).contains("blue-bank").contains(TIER2_ORG).contains(SUPPLIER_ORG);
        assertThat(browser.text("#history")).contains("CONFIRMED").contains("OFFERED").contains("ACCEPTED").contains("FINANCED");
        browser.assertLegible("the certificate with its tree and history");
        browser.signOut(app);

        // 8. Maturity: the core enterprise pays what is due from its settlement calendar; every holder — the tier-1 and tier-2
        // suppliers and the bank — is settled on chain.
        advanceChainTime(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(SupplyFinanceFlow.chainToday(), maturity)).plusHours(1));
        browser.signIn(app, CORE, "app/settlements");
        browser.openUntil(app + "app/settlements", "#pay-form-" + certificate);
        assertThat(browser.text("#due-" + certificate)).contains("800,000.00");
        assertThat(browser.exists("svg.chart rect")).as("the bar chart of what falls due").isTrue();
        browser.assertLegible("the settlement calendar");
        browser.fill("#reference-" + certificate, "CNAPS-NOVA-2026-1201");
        browser.click("#pay-" + certificate);
        browser.waitForText("#notice", "The payment is recorded");
        browser.openUntil(app + "app/certificates/" + certificate, "#tree rect.SETTLED");
        browser.waitForText("#status", "settled");
        assertThat(browser.text("#history")).contains("PART_SETTLED").contains("CERTIFICATE_SETTLED");
        browser.signOut(app);

        // 9. The second certificate is left unpaid past its payment date and the grace days: the service marks it overdue, the
        // disclosure shows it, and the supplier takes it to arbitration in one step, with the certificate's history as evidence.
        String paymentDate = as(CORE).get("/api/certificates/" + unpaid).then().extract().path("paymentDate");
        advanceChainTime(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(SupplyFinanceFlow.chainToday(),
                LocalDate.parse(paymentDate).plusDays(4))).plusHours(1));
        awaitStatus(unpaid, CORE, "OVERDUE");
        browser.signIn(app, SUPPLIER, "app/certificates/" + unpaid);
        browser.openUntil(app + "app/certificates/" + unpaid, "#overdue-parts");
        browser.assertLegible("an overdue certificate with the arbitration form");
        browser.click("#overdue-parts button[id^=arbitrate-]");
        browser.waitForText("#notice", "The case is filed");
        browser.openUntil(app + "app/certificates/" + unpaid, "#tree rect.IN_ARBITRATION");
        assertThat(browser.text("#history")).contains("OVERDUE").contains("IN_ARBITRATION");
        browser.open(app + "app/settlements");
        browser.waitFor("#disclosure-" + CORE_ORG);
        assertThat(browser.text("#disclosure-" + CORE_ORG)).contains("90,000.00");
        browser.assertLegible("the overdue disclosure");
        browser.signOut(app);
        // Not part of the story: the core enterprise pays, so its record has no unpaid balance for the tests after this one.
        json(CORE).body("{\"certificateId\": " + unpaid + ", \"amount\": 90000.00, \"paymentReference\": \"CNAPS-LATE\"}")
                .post("/api/settlements").then().statusCode(202);
        awaitStatus(unpaid, CORE, "SETTLED");
    }
}

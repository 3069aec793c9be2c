package org.alliancechain.copyright.web;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.alliancechain.copyright.capture.LoopbackSite;
import org.alliancechain.copyright.capture.TestArchives;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The copyright story in a real headless Chromium against the real Keycloak, PostgreSQL and anvil,
 * through the pages only: daily-news' rights manager registers an article (a bad URL refused first,
 * next to its field) → WorkRegistry registers it, its record is anchored, the signed certificate and
 * the verifier's QR code appear → the rights manager grants acme-trading an online excerpt licence
 * and LicenceRegistry answers yes for now and no as of block 1 → daily-news' monitor pastes a
 * rewritten copy in Traditional script and the match appears with its passages side by side, captures
 * it, and the claim is filed with arbitration; the same copy is then captured from its URL and from a
 * crawler's WARC. Every page shown meets WCAG AA contrast.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightStoryBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.perTestClass();

    @TestHTTPResource("/")
    URL url;

    @Test
    void rightsManagerRegistersAndLicencesAnArticleAndTheMonitorFindsARewrittenCopy() throws Exception {
        browser.timeout(Duration.ofSeconds(60));
        String app = "http://127.0.0.1:" + url.getPort() + "/";
        int n = Math.abs(UUID.randomUUID().hashCode() % 1_000_000);
        String article = article(n) + article(n + 1).substring(10) + article(n + 2).substring(20);
        String title = "打击网络侵权盗版专项行动 " + n;

        // 1. The rights manager registers the article through the works page; a URL that is not one is refused next to its field.
        browser.signIn(app, RIGHTS, "app/works");
        browser.waitFor("#text-form");
        assertThat(browser.exists("#works-chart")).as("the chart of works per day").isTrue();
        browser.assertLegible("the works page with its forms");
        browser.fill("#title", title);
        browser.fill("#authors", "张三 Zhang San\n李四 Li Si");
        browser.script("document.getElementById('publishedAt').value = arguments[0]", "2026-11-30T08:00");
        browser.fill("#url", "daily-news.example/articles/" + n);
        browser.fill("#text", article);
        browser.click("#register-text-button");
        browser.waitFor("#url-error");
        assertThat(browser.text("#url-error")).contains("http or https URL");
        assertThat(browser.value("#text")).as("what was entered is kept").isEqualTo(article);
        browser.assertLegible("the text form with a refusal");
        browser.fill("#url", "https://daily-news.example/articles/" + n);
        browser.click("#register-text-button");
        browser.waitForText("#notice", "The work is submitted");
        var matcher = Pattern.compile("/app/works/(\\d+)").matcher(browser.currentUrl());
        assertThat(matcher.find()).as(browser.currentUrl()).isTrue();
        long work = Long.parseLong(matcher.group(1));

        // 1b. It registers two more articles in bulk from their files: the upload's progress bar, then its report per file.
        var files = new java.util.ArrayList<java.nio.file.Path>();
        for (int k = 0; k < 2; k++) {
            var file = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target").toAbsolutePath(), "bulk-" + n + "-" + k + "-", ".txt");
            java.nio.file.Files.writeString(file, article(n + 10 + k) + article(n + 20 + k));
            files.add(file);
        }
        browser.open(app + "app/works");
        browser.waitFor("#upload-form");
        browser.upload("#upload-files", files.toArray(java.nio.file.Path[]::new));
        browser.fill("#upload-authors", "张三 Zhang San");
        browser.click("#upload-button");
        browser.waitForText("#notice", "The upload is being registered");
        assertThat(browser.exists("#uploads progress")).as("the upload's progress bar").isTrue();
        browser.openUntil(app + "app/works", "#uploads .upload-report");
        assertThat(browser.text("#uploads")).contains("2 / 2").contains("READY");
        browser.assertLegible("the works page with a finished upload");
        for (var file : files) {
            java.nio.file.Files.deleteIfExists(file);
        }

        // 2. The page follows the chain: registered in WorkRegistry, the record anchored, the certificate and the verifier's QR code.
        browser.openUntil(app + "app/works/" + work, "#status.REGISTERED");
        browser.openUntil(app + "app/works/" + work, "#certificate-link");
        assertThat(browser.text("#timeline")).contains("Submitted").contains("Registered in WorkRegistry").contains("block #");
        assertThat(browser.exists("#verify svg.qr")).as("the QR code to the public verifier").isTrue();
        assertThat(browser.text("#excerpt")).startsWith(article.substring(0, 30));
        String digest = browser.text("#content-digest");
        assertThat(digest).matches("[0-9a-f]{64}");
        assertThat(fetch("/app/works/" + work + "/certificate")).as("the signed certificate through the page session")
                .isEqualTo("200 application/pdf");
        browser.assertLegible("the registered work");

        // 3. It grants acme-trading an online excerpt licence in China; LicenceRegistry holds it.
        browser.fill("#licensee", LICENSEE_ORG);
        assertThat(browser.driver().findElement(By.id("use-EXCERPT")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("channel-ONLINE")).isSelected()).isTrue();
        browser.fill("#territory", "CN");
        browser.fill("#terms", "可在网络摘编，注明来源《每日新闻》。 Online excerpts, crediting Daily News.");
        browser.click("#grant-button");
        browser.waitForText("#notice", "The licence is submitted");
        browser.openUntil(app + "app/works/" + work, "#licences .badge.GRANTED");
        assertThat(browser.text("#licences")).contains(LICENSEE_ORG).contains("excerpt").contains("online");
        browser.assertLegible("the work with its licence");
        browser.screenshot("copyright-work");
        // The transfer form: a member without RIGHTS_HOLDER is refused next to the field (the work stays daily-news's).
        browser.fill("#toOrganisation", LICENSEE_ORG);
        browser.click("#transfer-button");
        browser.waitFor("#toOrganisation-error");
        assertThat(browser.text("#toOrganisation-error")).contains("RIGHTS_HOLDER");
        browser.assertLegible("the transfer form with a refusal");

        // 4. The licences page draws its period, and the as-of check answers yes now, no as of block 1.
        browser.openUntil(app + "app/licences", "#granted-periods rect.GRANTED");
        browser.assertLegible("the licences page");
        browser.fill("#check-work", digest);
        browser.fill("#check-licensee", LICENSEE_ORG);
        browser.select("#check-use", "EXCERPT");
        browser.select("#check-channel", "ONLINE");
        browser.click("#check-button");
        browser.waitFor("#answer");
        assertThat(browser.text("#answer")).contains("Licensed").doesNotContain("Not licensed").contains(LICENSEE_ORG);
        assertThat(browser.exists("#answer.yes #answer-licence")).as("the licence that covered it").isTrue();
        browser.assertLegible("a yes from LicenceRegistry");
        browser.screenshot("copyright-licences");
        browser.fill("#check-block", "1");
        browser.click("#check-button");
        browser.waitForText("#answer", "Not licensed");
        assertThat(browser.text("#answer")).contains("as of block #1");
        browser.signOut(app);

        // 5. The monitor pastes a rewritten excerpt in Traditional script; the match appears with its passages side by side.
        String excerpt = article.substring(article.length() / 4, article.length() * 3 / 4).replace("专家表示", "业内人士认为")
                .replace("依法查处", "依法处理");
        String copy = Transliterator.getInstance("Simplified-Traditional").transliterate(excerpt);
        assertThat(copy).isNotEqualTo(excerpt);
        browser.signIn(app, MONITOR, "app/monitoring");
        browser.waitFor("#text-form");
        browser.assertLegible("the monitoring desk");
        browser.fill("#text", copy);
        browser.click("#search-text-button");
        browser.waitFor("#match-" + work);
        String match = browser.text("#match-" + work);
        assertThat(match).contains("相符 match").contains(title).contains(RIGHTS_ORG).contains("Yours");
        assertThat(browser.exists("#match-" + work + " .badge.MATCH")).isTrue();
        String copyQuote = browser.text("#copy-" + work + "-0 mark");
        String workQuote = browser.text("#work-" + work + "-0 mark");
        assertThat(copy).as("the copy's passage quoted from the copy (Traditional)").contains(copyQuote);
        assertThat(article).as("the work's passage quoted from the work (Simplified)").contains(workQuote);
        assertThat(copyQuote).isNotEmpty();
        browser.assertLegible("the matches with their passages");
        browser.screenshot("copyright-matches");
        // The same copy reposted as a screenshot: read as text (文字截图), the article is found and the text read is shown.
        var shot = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target").toAbsolutePath(), "weibo-", ".png");
        javax.imageio.ImageIO.write(screenshot(excerpt), "png", shot.toFile());
        browser.upload("#file", shot);
        browser.driver().findElement(By.id("readText")).click();
        browser.click("#search-file-button");
        browser.waitFor("#match-" + work);
        assertThat(browser.exists("#recognised-text")).as("the text read from the screenshot").isTrue();
        assertThat(browser.text("#match-" + work)).contains(title);
        browser.assertLegible("a screenshot's matches");
        // ... and captured as evidence from the same form: the capture page shows the text read, which is what matched.
        browser.upload("#file", shot);
        browser.driver().findElement(By.id("readText")).click();
        browser.click("#capture-file-button");
        browser.waitForText("#notice", "Captured");
        browser.waitFor("#capture-recognised-text");
        assertThat(browser.exists("#capture-match-" + work)).as("the screenshot's capture matched the article").isTrue();
        browser.assertLegible("a screenshot's capture");
        java.nio.file.Files.deleteIfExists(shot);
        browser.open(browser.currentUrl().replaceAll("/app/captures/.*$", "/app/monitoring"));
        browser.waitFor("#text-form");
        // A text file is compared as a text: asked to read it as a screenshot, the desk says why not under the checkbox.
        var textFile = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target").toAbsolutePath(), "copy-", ".txt");
        java.nio.file.Files.writeString(textFile, copy);
        browser.upload("#file", textFile);
        browser.driver().findElement(By.id("readText")).click();
        browser.click("#search-file-button");
        browser.waitFor("#readText-error");
        assertThat(browser.text("#readText-error")).contains("text/plain");
        java.nio.file.Files.deleteIfExists(textFile);
        browser.fill("#text", copy);
        browser.click("#search-text-button");
        browser.waitFor("#match-" + work);

        // 6. The monitor captures it as evidence, naming pixel-studio as its publisher: kept, time-stamped, anchored, matched.
        browser.fill("#sourceUrl", "https://copycat.example/news/1");
        browser.fill("#publisher", "pixel-studio");
        browser.click("#capture-text-button");
        browser.waitForText("#notice", "Captured");
        String capturePage = browser.currentUrl();
        browser.openUntil(capturePage, "#capture-anchoring.CONFIRMED");
        assertThat(browser.text("#capture-publisher")).isEqualTo("pixel-studio");
        assertThat(browser.exists("#capture-match-" + work)).isTrue();
        browser.assertLegible("the capture");
        browser.signOut(app);

        // 7. The rights manager claims it: no licence covered pixel-studio's use as of the capture's block; the case is filed on chain.
        browser.signIn(app, RIGHTS, capturePage.substring(app.toString().length()));
        browser.waitFor("#claim-form-" + work);
        browser.select("#use-" + work, "FULL_REPRINT");
        browser.fill("#claim-" + work, "被申请人未经许可转载申请人作品 The respondent reprinted our article without a licence");
        browser.click("#claim-" + work + "-button");
        browser.waitForText("#notice", "No licence covered the use");
        assertThat(browser.text("#licence-answer")).contains("no licence").contains("pixel-studio");
        browser.openUntil(browser.currentUrl(), "#infringement-status.FILED");
        assertThat(browser.text("#infringement-status")).contains("filed with arbitration");
        assertThat(browser.exists("#filing-state.CONFIRMED")).isTrue();
        assertThat(browser.text("#case-number")).startsWith("copyright/C");
        browser.waitFor("#report-link");
        assertThat(fetch(browser.currentUrl().replaceAll("\\?.*$", "") + "/report")).isEqualTo("200 application/pdf");
        browser.assertLegible("the infringement filed with arbitration");
        browser.screenshot("copyright-infringement");
        browser.signOut(app);

        // 8. The copy is on a web site (served on loopback here): the monitor has the service capture its URL into a WARC, and
        //    uploads a crawler's WARC of it; each capture page names the archived URL and its WARC-Date. A private address is refused.
        try (var site = LoopbackSite.start().html("/news/copy.html", TestArchives.htmlOf("转载", copy))) {
            browser.signIn(app, MONITOR, "app/monitoring");
            browser.waitFor("#url-form");
            browser.fill("#capture-url", "http://10.0.0.1/news/copy.html");
            browser.click("#capture-url-button");
            browser.waitFor("#capture-url-error");
            assertThat(browser.text("#capture-url-error")).contains("allowed-networks");
            browser.assertLegible("a refused URL capture");
            browser.fill("#capture-url", site.url("/news/copy.html"));
            browser.fill("#url-publisher", "pixel-studio");
            browser.click("#capture-url-button");
            browser.waitForText("#notice", "Captured");
            assertThat(browser.text("#capture-archive-url")).isEqualTo(site.url("/news/copy.html"));
            assertThat(browser.text("#capture-archive")).contains("fetched by the service");
            assertThat(browser.exists("#capture-match-" + work)).isTrue();
            browser.assertLegible("a URL capture");

            var warc = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target").toAbsolutePath(), "copycat", ".warc.gz");
            java.nio.file.Files.write(warc, TestArchives.warc(true, java.time.Instant.parse("2026-11-28T09:15:30Z"),
                    TestArchives.Page.html("https://copycat.example/news/1.html", TestArchives.htmlOf("转载", copy))));
            browser.open(app + "app/monitoring");
            browser.waitFor("#archive-form");
            browser.upload("#archive-file", warc);
            browser.fill("#archive-url", "https://copycat.example/news/1.html");
            browser.click("#capture-archive-button");
            browser.waitForText("#notice", "Captured");
            assertThat(browser.text("#capture-archive-url")).isEqualTo("https://copycat.example/news/1.html");
            assertThat(browser.text("#capture-archive-date")).contains("2026-11-28T09:15:30Z");
            assertThat(browser.exists("#capture-match-" + work)).isTrue();
            browser.screenshot("copyright-web-capture");
            java.nio.file.Files.deleteIfExists(warc);
            browser.signOut(app);
        }

        // 9. Anyone, signed out: is the article registered? The public verifier links the look-up; its digest gives the record only.
        browser.openUntil(app + "verify", "#nav-lookup");
        browser.click("#nav-lookup");
        browser.waitFor("#digest-form");
        browser.fill("#digest", digest);
        browser.click("#digest-button");
        browser.waitFor("#registrations");
        assertThat(browser.text("#registrations")).contains("W-" + work).contains(RIGHTS_ORG).contains("exact").doesNotContain(title);
        browser.assertLegible("the public look-up");
        browser.screenshot("copyright-lookup");
    }

    /** Status and content type of a page-session download, fetched by the page itself (its session cookie). */
    private static String fetch(String path) {
        return (String) browser.script("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                + " return x.status + ' ' + (x.getResponseHeader('Content-Type') || '').split(';')[0];", path);
    }
}

package org.alliancechain.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of {@link HeadlessChromium}: a real headless Chromium against a page served by the JDK's HTTP server. */
class HeadlessChromiumTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.perTestClass();

    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>证据上传 Evidence upload</title></head>
            <body style="font-size: 24px">
              <h1 id="heading">证据 Evidence</h1>
              <form id="form" action="/upload" method="post" enctype="multipart/form-data">
                <label for="title">证据</label> <input id="title" name="title" type="text">
                <input id="evidence" name="evidence" type="file">
                <button id="check" type="button">检查 Check</button>
                <button id="send" type="submit">提交 Submit</button>
              </form>
              <p id="result"></p>
              <canvas id="glyphs" width="64" height="32"></canvas>
              <script>
                document.getElementById('check').addEventListener('click', async () => {
                  const file = document.getElementById('evidence').files[0];
                  const title = document.getElementById('title').value;
                  const content = file ? await file.text() : '';
                  setTimeout(() => {   // after a moment, so that the test has to wait
                    document.getElementById('result').textContent = file
                      ? '已选择 ' + title + ': ' + file.name + ' (' + file.size + ' bytes) ' + content
                      : 'no file';
                  }, 300);
                });
              </script>
            </body>
            </html>
            """;

    private static HttpServer server;
    private static String base;

    @TempDir
    Path temp;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                reply(exchange, 404, "not found");
            } else {
                reply(exchange, 200, PAGE);
            }
        });
        server.createContext("/contrast", exchange -> reply(exchange, 200, """
                <!doctype html><html><head><meta charset="utf-8"><title>contrast</title></head><body style="background:#fff">
                <p id="fine" style="color:#1d2733">legible 清晰</p>
                <ol><li id="step" style="background:#1e8e3e;color:#1d2733">dark text on dark green 深绿底深色字</li></ol>
                <p id="pale" style="color:#e37400">orange on white</p>
                <p id="large" style="color:#808080;font-size:30px">large grey text passes at 3:1</p>
                <p style="display:none;color:#eee">hidden text is not measured</p>
                </body></html>"""));
        server.createContext("/upload", exchange -> {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = exchange.getRequestBody().readAllBytes();
            reply(exchange, 200, """
                    <!doctype html><html><head><meta charset="utf-8"><title>已收到</title></head>
                    <body><p id="received">%s</p></body></html>""".formatted(escape(describe(contentType, body))));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void typesUploadsClicksAndReadsTheResultBackIncludingChinese() throws IOException {
        long begin = System.nanoTime();
        Path file = Files.writeString(temp.resolve("证据-合同.txt"), "合同 contract v1", StandardCharsets.UTF_8);

        browser.open(base + "/")
                .fill("#title", "仲裁证据 A")
                .upload("#evidence", file)
                .click("#check")
                .waitForText("#result", "已选择");

        assertThat(browser.text("#result"))
                .isEqualTo("已选择 仲裁证据 A: 证据-合同.txt (" + Files.size(file) + " bytes) 合同 contract v1");
        assertThat(browser.value("#title")).isEqualTo("仲裁证据 A");
        assertThat(browser.text("label[for=title]")).isEqualTo("证据");
        assertThat(browser.title()).isEqualTo("证据上传 Evidence upload");

        // Chinese renders with real glyphs, not the same "missing glyph" box for every character.
        Object distinct = browser.script("""
                const canvas = document.getElementById('glyphs'), g = canvas.getContext('2d');
                const draw = ch => { g.clearRect(0, 0, 64, 32); g.font = '24px sans-serif'; g.fillText(ch, 4, 26);
                                     return Array.from(g.getImageData(0, 0, 64, 32).data).join(','); };
                const a = draw('证'), b = draw('据'), empty = (g.clearRect(0, 0, 64, 32), draw(''));
                return a !== b && a !== empty;""");
        assertThat(distinct).as("'证' and '据' draw differently: a CJK font is installed").isEqualTo(true);

        Path png = browser.screenshot("HeadlessChromiumTest-smoke");
        assertThat(png).isRegularFile();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).hasSizeGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        System.err.printf("[HeadlessChromiumTest] browser start %d ms, page test %d ms%n",
                browser.startup().toMillis(), (System.nanoTime() - begin) / 1_000_000);
    }

    @Test
    void submitsAFileToTheServerAsAMultipartForm() throws IOException {
        Path file = Files.write(temp.resolve("证据.bin"), new byte[] {1, 2, 3, 4, 5, 'z'});

        browser.open(base + "/")
                .fill("#title", "第二份")
                .upload("#evidence", file)
                .click("#send")
                .waitForText("#received", "file");

        assertThat(browser.text("#received")).isEqualTo("title=第二份; file=证据.bin; 6 bytes; last=z");
        assertThat(browser.title()).isEqualTo("已收到");
    }

    @Test
    void textBelowWcagAaContrastIsFoundWithItsRatioAndLargeTextNeedsOnlyThreeToOne() {
        var failures = browser.open(base + "/contrast").contrastFailures();
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).contains("li#step").contains("3.59:1 (needs 4.5)").contains("dark text on dark green");
        assertThat(failures.get(1)).contains("p#pale").contains("3.10:1 (needs 4.5)");
    }

    @Test
    void aFailureLeavesAScreenshotAndIsRethrown() throws Exception {
        browser.open(base + "/");
        var context = fakeContext(getClass().getDeclaredMethod("aFailureLeavesAScreenshotAndIsRethrown"));
        AssertionError failure = new AssertionError("expected failure");
        Path png = HeadlessChromium.OUTPUT.resolve("HeadlessChromiumTest-aFailureLeavesAScreenshotAndIsRethrown.png");
        Files.deleteIfExists(png);

        assertThatThrownBy(() -> browser.handleTestExecutionException(context, failure)).isSameAs(failure);
        assertThat(png).isRegularFile();
        assertThat(png.resolveSibling("HeadlessChromiumTest-aFailureLeavesAScreenshotAndIsRethrown.html"))
                .content(StandardCharsets.UTF_8).contains("证据 Evidence");
        assertThat(failure.getSuppressed()).singleElement()
                .extracting(Throwable::getMessage).asString().contains(png.getFileName().toString());
    }

    @Test
    void aMissingElementFailsWithinTheTimeoutSayingWhatWasMissing() {
        browser.open(base + "/").timeout(Duration.ofMillis(500));
        try {
            assertThatThrownBy(() -> browser.waitForText("#result", "never"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("#result").hasMessageContaining("never");
            assertThatThrownBy(() -> browser.waitFor("#nothing"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("#nothing");
        } finally {
            browser.timeout(Duration.ofSeconds(10));
        }
    }

    // --- the server side of the upload ---------------------------------------------------------------

    /** A minimal multipart/form-data reading: the title field and the file's name, size and last byte. */
    private static String describe(String contentType, byte[] body) {
        Matcher boundary = Pattern.compile("boundary=(.+)").matcher(contentType == null ? "" : contentType);
        if (!boundary.find()) {
            return "not multipart: " + contentType;
        }
        String raw = new String(body, StandardCharsets.ISO_8859_1); // byte for byte
        String title = null;
        String fileName = null;
        byte[] content = null;
        for (String part : raw.split("--" + Pattern.quote(boundary.group(1)))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = utf8(part.substring(0, split));
            String value = part.substring(split + 4, part.length() - 2); // without the closing CRLF
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            if (file.find()) {
                fileName = file.group(1);
                content = value.getBytes(StandardCharsets.ISO_8859_1);
            } else if (name.find() && name.group(1).equals("title")) {
                title = utf8(value);
            }
        }
        return "title=" + title + "; file=" + fileName + "; " + (content == null ? 0 : content.length) + " bytes; last="
                + (content == null || content.length == 0 ? "" : (char) content[content.length - 1]);
    }

    private static String utf8(String isoLatin1) {
        return new String(isoLatin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void reply(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough of an ExtensionContext for the failure handler: the test class and method. */
    private static ExtensionContext fakeContext(Method method) {
        return (ExtensionContext) Proxy.newProxyInstance(HeadlessChromiumTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getRequiredTestClass" -> method.getDeclaringClass();
                    case "getRequiredTestMethod" -> method;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }
}

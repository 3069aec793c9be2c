package org.alliancechain.copyright.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.alliancechain.copyright.capture.ArchiveRefusal.Reason;
import org.alliancechain.copyright.capture.TestArchives.Page;
import org.alliancechain.evidence.intake.SafeZip;
import org.junit.jupiter.api.Test;

/** Reading pages out of WARC and WACZ files, and refusing archives that are damaged or bombs (one class, no stack). */
class WebArchiveTest {

    static final Instant DATE = Instant.parse("2026-11-28T09:15:30Z");
    static final WebArchive.Limits LIMITS = new WebArchive.Limits(4L * 1024 * 1024, 100);
    static final String URL = "https://copycat.example/news/1.html";

    private static Page page(String url, String text) {
        return Page.html(url, TestArchives.htmlOf("转载", text));
    }

    @Test
    void finds_the_page_of_a_url_in_a_gzip_or_plain_warc_with_its_date_and_record() {
        for (boolean gzip : List.of(true, false)) {
            byte[] warc = TestArchives.warc(gzip, DATE, page("https://copycat.example/", "首页"), page(URL, "正文内容"),
                    new Page("https://copycat.example/logo.png", 200, "image/png", new byte[] {1, 2, 3}, Map.of()));
            var found = WebArchive.fromWarc(warc, "HTTPS://copycat.example:443/news/1.html#top", LIMITS);
            assertThat(found.url()).isEqualTo(URL);
            assertThat(found.capturedAt()).isEqualTo(DATE);
            assertThat(found.recordId()).startsWith("urn:uuid:");
            assertThat(found.recordDigest()).startsWith("sha256:");
            assertThat(new String(found.payload(), StandardCharsets.UTF_8)).contains("正文内容");
            assertThat(found.mediaType()).startsWith("text/html");
        }
    }

    @Test
    void without_a_url_the_only_html_page_is_taken_and_several_are_refused_naming_them() {
        byte[] one = TestArchives.warc(true, DATE, page(URL, "只有一页"),
                new Page("https://copycat.example/logo.png", 200, "image/png", new byte[] {1, 2, 3}, Map.of()));
        assertThat(WebArchive.fromWarc(one, null, LIMITS).url()).isEqualTo(URL);
        byte[] two = TestArchives.warc(true, DATE, page(URL, "一"), page("https://copycat.example/2.html", "二"));
        assertThatThrownBy(() -> WebArchive.fromWarc(two, null, LIMITS)).isInstanceOfSatisfying(ArchiveRefusal.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS);
            assertThat(e.getMessage()).contains(URL).contains("https://copycat.example/2.html");
        });
    }

    @Test
    void a_wacz_names_its_page_in_pages_jsonl() {
        byte[] warc = TestArchives.warc(true, DATE, page("https://copycat.example/", "首页"), page(URL, "正文"));
        var entries = List.of(new SafeZip.Entry("archive/data.warc.gz", warc), new SafeZip.Entry("pages/pages.jsonl",
                ("{\"format\": \"json-pages-1.0\"}\n{\"url\": \"" + URL + "\", \"ts\": \"2026-11-28T09:15:30Z\"}\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(WebArchive.fromWacz(entries, null, LIMITS).url()).isEqualTo(URL);
        assertThat(WebArchive.fromWacz(entries, "https://copycat.example/", LIMITS).url()).isEqualTo("https://copycat.example/");
    }

    @Test
    void a_truncated_warc_is_refused_wherever_it_breaks_off() {
        for (boolean gzip : List.of(true, false)) {
            byte[] warc = TestArchives.warc(gzip, DATE, page(URL, "正文".repeat(500)), page("https://copycat.example/2.html", "二".repeat(500)));
            for (int cut : new int[] {warc.length / 3, warc.length / 2, warc.length - 10}) {
                byte[] truncated = Arrays.copyOf(warc, cut);
                assertThatThrownBy(() -> WebArchive.fromWarc(truncated, URL, LIMITS)).as("gzip %s cut at %d", gzip, cut)
                        .isInstanceOfSatisfying(ArchiveRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED));
            }
        }
    }

    @Test
    void gzip_bombs_stop_at_the_ratio_or_the_size_limit() throws Exception {
        byte[] zeros = TestArchives.warc(true, DATE, new Page(URL, 200, "text/plain", new byte[3 * 1024 * 1024], Map.of()));
        assertThatThrownBy(() -> WebArchive.fromWarc(zeros, URL, LIMITS)).isInstanceOfSatisfying(ArchiveRefusal.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains("gzip bomb");
        });
        byte[] noise = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        byte[] big = TestArchives.warc(true, DATE, new Page(URL, 200, "application/octet-stream", noise, Map.of()));
        assertThatThrownBy(() -> WebArchive.fromWarc(big, URL, LIMITS)).isInstanceOfSatisfying(ArchiveRefusal.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains("4 MB");
        });
        // A payload bomb: a small plain WARC whose response is gzip Content-Encoding of 3 MB of zeros.
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(new byte[3 * 1024 * 1024]);
        }
        byte[] encoded = TestArchives.warc(false, DATE, new Page(URL, 200, "text/html", gz.toByteArray(), Map.of("Content-Encoding", "gzip")));
        assertThatThrownBy(() -> WebArchive.fromWarc(encoded, URL, LIMITS)).isInstanceOfSatisfying(ArchiveRefusal.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void no_record_for_the_url_and_a_response_that_is_not_200_are_refused() {
        byte[] warc = TestArchives.warc(true, DATE, page(URL, "正文"), new Page("https://copycat.example/gone.html", 404, "text/html",
                "<p>not found</p>".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThatThrownBy(() -> WebArchive.fromWarc(warc, "https://copycat.example/other.html", LIMITS))
                .isInstanceOfSatisfying(ArchiveRefusal.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_RECORD));
        assertThatThrownBy(() -> WebArchive.fromWarc(warc, "https://copycat.example/gone.html", LIMITS))
                .isInstanceOfSatisfying(ArchiveRefusal.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_OK);
                    assertThat(e.getMessage()).contains("404");
                });
    }

    @Test
    void a_record_altered_after_its_digest_was_written_is_refused() {
        byte[] warc = TestArchives.warc(false, DATE, page(URL, "原文内容"));
        // add a block digest of other content to the response record
        String text = new String(warc, StandardCharsets.ISO_8859_1);
        int response = text.indexOf("WARC-Type: response");
        String altered = text.substring(0, response) + "WARC-Block-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ\r\n" + text.substring(response);
        assertThatThrownBy(() -> WebArchive.fromWarc(altered.getBytes(StandardCharsets.ISO_8859_1), URL, LIMITS))
                .isInstanceOfSatisfying(ArchiveRefusal.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
                    assertThat(e.getMessage()).contains("WARC-Block-Digest");
                });
    }

    @Test
    void networks_allow_cidr_blocks_and_public_addresses_only() throws Exception {
        var pub = Networks.of(List.of("public"));
        assertThat(pub.allows(java.net.InetAddress.getByName("93.184.216.34"))).isTrue();
        for (String denied : List.of("127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1",
                "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1")) {
            assertThat(pub.allows(java.net.InetAddress.getByName(denied))).as(denied).isFalse();
        }
        var loopback = Networks.of(List.of("127.0.0.0/8"));
        assertThat(loopback.allows(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(loopback.allows(java.net.InetAddress.getByName("::1"))).isFalse();
        assertThat(loopback.allows(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThatThrownBy(() -> Networks.of(List.of("example.com/8"))).isInstanceOf(IllegalArgumentException.class);
    }
}

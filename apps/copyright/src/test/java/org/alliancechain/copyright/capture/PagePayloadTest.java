package org.alliancechain.copyright.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an archived page's payload is taken for: GBK pages (common on Chinese news sites) are read in their own charset. */
class PagePayloadTest {

    private static ArchivedPage page(String mediaType, byte[] payload) {
        return new ArchivedPage("https://copycat.example/", Instant.EPOCH, "urn:uuid:x", "sha256:00", null, mediaType, payload);
    }

    @Test
    void a_gbk_page_is_decoded_with_the_charset_the_server_or_the_page_declares() {
        Charset gbk = Charset.forName("GBK");
        String text = "新华社北京电 国家版权局今日启动专项行动";
        byte[] declared = ("<html><body><p>" + text + "</p></body></html>").getBytes(gbk);
        var fromHeader = PagePayload.of(page("text/html; charset=GBK", declared));
        assertThat(fromHeader.html()).isTrue();
        assertThat(fromHeader.text()).contains(text);
        byte[] meta = ("<html><head><meta charset=\"gbk\"></head><body><p>" + text + "</p></body></html>").getBytes(gbk);
        assertThat(PagePayload.of(page("text/html", meta)).text()).contains(text);
        assertThat(PagePayload.of(page(null, text.getBytes(StandardCharsets.UTF_8))).html()).isFalse();
    }

    @Test
    void an_archived_webp_is_an_image_whatever_the_server_declared() {
        byte[] webp = org.alliancechain.copyright.CopyrightFlow.resource("webp/bridge-lossy-q75.webp");
        assertThat(PagePayload.of(page("image/webp", webp)).image()).isTrue();
        assertThat(PagePayload.of(page("application/octet-stream", webp)).image()).isTrue();
    }

    @Test
    void a_payload_that_is_neither_html_text_nor_an_image_is_refused() {
        assertThatThrownBy(() -> PagePayload.of(page("application/pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOfSatisfying(ArchiveRefusal.class, e -> {
                    assertThat(e.reason()).isEqualTo(ArchiveRefusal.Reason.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("PDF");
                });
        assertThatThrownBy(() -> PagePayload.of(page("text/html", new byte[0]))).isInstanceOf(ArchiveRefusal.class);
    }
}

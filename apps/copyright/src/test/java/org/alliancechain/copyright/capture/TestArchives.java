package org.alliancechain.copyright.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Web archives for tests, written with jwarc as a crawler would: request and response records per page. */
public final class TestArchives {

    /** One archived exchange. */
    public record Page(String url, int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Page html(String url, String html) {
            return new Page(url, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private TestArchives() {
    }

    /** An HTML page around a text. */
    public static String htmlOf(String title, String text) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" + title
                + "</h1><p>" + text + "</p></article></body></html>";
    }

    public static byte[] warc(boolean gzip, Instant date, Page... pages) {
        var out = new ByteArrayOutputStream();
        try (var writer = new WarcWriter(Channels.newChannel(out), gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            for (var page : pages) {
                var request = new HttpRequest.Builder("GET", java.net.URI.create(page.url()).getRawPath()).addHeader("Host",
                        java.net.URI.create(page.url()).getHost()).addHeader("User-Agent", "test-crawler/1.0").build();
                var requestRecord = new WarcRequest.Builder(page.url()).date(date).body(request).build();
                var response = new HttpResponse.Builder(page.status(), page.status() == 200 ? "OK" : "Not Found");
                page.headers().forEach(response::addHeader);
                writer.write(requestRecord);
                writer.write(new WarcResponse.Builder(page.url()).date(date).concurrentTo(requestRecord.id())
                        .body(response.body(MediaType.parse(page.contentType()), page.body()).build()).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A WACZ: the WARC under archive/, pages/pages.jsonl listing the pages, datapackage.json, and any extra entries. */
    public static byte[] wacz(byte[] warcGz, List<String> pages, Map<String, byte[]> extra) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            stored(zip, "archive/data.warc.gz", warcGz);
            var jsonl = new StringBuilder("{\"format\": \"json-pages-1.0\", \"id\": \"pages\", \"title\": \"All Pages\"}\n");
            pages.forEach(p -> jsonl.append("{\"url\": \"").append(p).append("\", \"ts\": \"2026-11-28T09:15:30Z\"}\n"));
            zip.putNextEntry(new ZipEntry("pages/pages.jsonl"));
            zip.write(jsonl.toString().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write("{\"profile\": \"data-package\", \"wacz_version\": \"1.1.1\", \"resources\": []}".getBytes(StandardCharsets.UTF_8));
            for (var e : extra.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** WACZ stores its WARC files without ZIP compression. */
    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        var entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        var crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
    }
}

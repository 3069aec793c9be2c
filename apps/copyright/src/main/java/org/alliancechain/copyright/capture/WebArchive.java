package org.alliancechain.copyright.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.alliancechain.copyright.capture.ArchiveRefusal.Reason;
import org.alliancechain.evidence.intake.SafeZip;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Finds a page in a web archive — a WARC (plain, or gzip-compressed per record) or the WARC files of a WACZ —
 * with jwarc, without trusting what the archive declares: gzip is inflated under a limit of bytes and of ratio
 * (a gzip bomb stops at the limit, nothing more is inflated), every record must be complete (a truncated archive
 * is refused, wherever it breaks off), a declared block digest must match, and the payload's Content-Encoding is
 * undone under the same limits. The page is the {@code response} record of the URL asked for, or of the only page
 * when none is named: the WACZ's single entry in {@code pages/pages.jsonl}, else the WARC's single HTML response
 * (or its single response).
 */
public final class WebArchive {

    /** How far an archive may expand. */
    public record Limits(long maxExpandedBytes, int maxRatio) {

        /** Below this many expanded bytes the ratio is not checked: small, repetitive records are harmless. */
        static final long RATIO_CHECKED_ABOVE = 1024 * 1024;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_URLS = 5;

    private WebArchive() {
    }

    /** The page of {@code url} (or the only page, when null) in a WARC. */
    public static ArchivedPage fromWarc(byte[] warc, String url, Limits limits) {
        var search = new Search(url, limits);
        search.scan(warc, "the WARC file");
        return search.result();
    }

    /**
     * The page of {@code url} (or of the only page listed in {@code pages/pages.jsonl}, when null) in a WACZ whose
     * entries {@link SafeZip} expanded already (its archive rules applied).
     */
    public static ArchivedPage fromWacz(List<SafeZip.Entry> entries, String url, Limits limits) {
        var warcs = entries.stream().filter(e -> e.path().startsWith("archive/") && e.path().indexOf('/', "archive/".length()) < 0
                && (e.path().endsWith(".warc.gz") || e.path().endsWith(".warc"))).toList();
        if (warcs.isEmpty()) {
            throw new ArchiveRefusal(Reason.DAMAGED, "the WACZ holds no WARC file under archive/");
        }
        String wanted = url;
        if (wanted == null) {
            var pages = entries.stream().filter(e -> e.path().equals("pages/pages.jsonl")).findFirst().map(WebArchive::pages)
                    .orElse(List.of());
            if (pages.size() == 1) {
                wanted = pages.getFirst();
            } else if (pages.size() > 1) {
                throw new ArchiveRefusal(Reason.AMBIGUOUS, "the WACZ lists " + pages.size() + " pages (" + shown(pages)
                        + "); name the URL of the page to capture");
            }
        }
        var search = new Search(wanted, limits);
        for (var warc : warcs) {
            search.scan(warc.bytes(), "'" + warc.path() + "' in the WACZ");
        }
        return search.result();
    }

    /** The URLs of pages/pages.jsonl (its first line, the header, names none). */
    private static List<String> pages(SafeZip.Entry pagesFile) {
        var urls = new ArrayList<String>();
        for (String line : new String(pagesFile.bytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode page = JSON.readTree(line);
                if (page.hasNonNull("url")) {
                    urls.add(page.get("url").asText());
                }
            } catch (IOException e) {
                throw new ArchiveRefusal(Reason.DAMAGED, "pages/pages.jsonl in the WACZ holds a line that is not JSON");
            }
        }
        return urls;
    }

    /** A URL as compared with WARC-Target-URI: scheme and host in lower case, default port and fragment dropped, "/" for an empty path. */
    static String key(String url) {
        String u = url.strip();
        if (u.startsWith("<") && u.endsWith(">")) {
            u = u.substring(1, u.length() - 1);
        }
        try {
            var uri = new URI(u);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return u;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT) : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return u;
        }
    }

    private static String shown(java.util.Collection<String> urls) {
        var list = new ArrayList<>(urls);
        return String.join(", ", list.subList(0, Math.min(SHOWN_URLS, list.size()))) + (list.size() > SHOWN_URLS ? ", …" : "");
    }

    /** One search over one or more WARC files, sharing the expansion budget. */
    private static final class Search {
        private final String wanted;
        private final Limits limits;
        private long expanded;
        private long compressed;
        private int records;
        private ArchivedPage found;
        private Integer refusedStatus;
        private String truncatedWhy;
        private final Set<String> htmlPages = new LinkedHashSet<>();
        private final Set<String> responses = new LinkedHashSet<>();
        private ArchivedPage firstHtml;
        private ArchivedPage firstResponse;

        Search(String url, Limits limits) {
            this.wanted = url == null ? null : key(url);
            this.limits = limits;
        }

        void scan(byte[] warc, String what) {
            boolean gzip = warc.length >= 2 && (warc[0] & 0xFF) == 0x1F && (warc[1] & 0xFF) == 0x8B;
            if (gzip) {
                compressed += warc.length;
            }
            try (InputStream raw = gzip ? new GZIPInputStream(new ByteArrayInputStream(warc), 8192) : new ByteArrayInputStream(warc);
                 var in = new BufferedInputStream(new Budget(raw, gzip), 8192)) {
                in.mark(5);
                byte[] start = in.readNBytes(5);
                in.reset();
                if (!new String(start, StandardCharsets.US_ASCII).equals("WARC/")) {
                    // not a WARC record (and never a second layer of compression for jwarc to inflate unchecked)
                    throw new ArchiveRefusal(Reason.DAMAGED, what + " does not start with a WARC record");
                }
                var reader = new WarcReader(in);
                WarcRecord record;
                while ((record = reader.next().orElse(null)) != null) {
                    records++;
                    if (record instanceof WarcResponse response) {
                        consider(response);
                    }
                }
            } catch (ArchiveRefusal e) {
                throw e;
            } catch (ParsingException e) {
                throw new ArchiveRefusal(Reason.DAMAGED, what + " is not a readable WARC: " + brief(e.getBaseMessage()));
            } catch (EOFException | ZipException e) {
                throw new ArchiveRefusal(Reason.DAMAGED, what + " is truncated: it ends in the middle of a record");
            } catch (IOException | RuntimeException e) {
                throw new ArchiveRefusal(Reason.DAMAGED, what + " is not a readable WARC" + (e.getMessage() == null ? ""
                        : ": " + brief(e.getMessage())));
            }
        }

        private void consider(WarcResponse response) throws IOException {
            String target = response.target();
            if (target == null || target.isBlank()) {
                return;
            }
            String key = key(target);
            boolean asked = wanted != null && wanted.equals(key);
            if (wanted != null && (!asked || found != null)) {
                return; // only the first 200 for the URL is kept; the rest is read to check that it is whole
            }
            byte[] block = block(response);
            var http = parseHttp(block, target);
            String contentType = http.headers().first("Content-Type").orElse(null);
            if (wanted == null) {
                responses.add(target);
                boolean html = contentType != null && MediaType.parseLeniently(contentType).base().equals(MediaType.HTML);
                if (html) {
                    htmlPages.add(target);
                }
                if (http.status() != 200) {
                    return;
                }
                if (firstResponse == null || (html && firstHtml == null)) {
                    var page = page(response, block, http, contentType);
                    firstHtml = html && firstHtml == null ? page : firstHtml;
                    firstResponse = firstResponse == null ? page : firstResponse;
                }
                return;
            }
            if (http.status() != 200) {
                refusedStatus = refusedStatus == null ? http.status() : refusedStatus;
                return;
            }
            if (response.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
                truncatedWhy = response.truncated().name().toLowerCase(Locale.ROOT);
                return;
            }
            found = page(response, block, http, contentType);
        }

        /** The record's block, whole (a truncated one is refused), checked against its declared digest. */
        private byte[] block(WarcResponse response) throws IOException {
            long declared = response.body().size();
            byte[] block = response.body().stream().readAllBytes();
            if (block.length != declared) {
                throw new EOFException();
            }
            Optional<WarcDigest> digest = response.blockDigest();
            if (digest.isPresent()) {
                try {
                    byte[] actual = digest.get().getDigester().digest(block);
                    if (!Arrays.equals(actual, digest.get().bytes())) {
                        throw new ArchiveRefusal(Reason.DAMAGED, "the record of " + response.target() + " does not match its WARC-Block-Digest "
                                + digest.get() + ": it was altered after it was written");
                    }
                } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
                    // a digest algorithm this JVM does not know cannot be checked; the record's own SHA-256 is kept instead
                }
            }
            return block;
        }

        private HttpResponse parseHttp(byte[] block, String target) {
            try {
                return HttpResponse.parse(new BytesChannel(block));
            } catch (IOException | RuntimeException e) {
                throw new ArchiveRefusal(Reason.DAMAGED, "the response record of " + target + " does not hold an HTTP response");
            }
        }

        private ArchivedPage page(WarcResponse response, byte[] block, HttpResponse http, String contentType) throws IOException {
            var encodings = http.headers().all("Content-Encoding");
            String encoding = encodings.isEmpty() ? "identity" : encodings.getFirst().strip().toLowerCase(Locale.ROOT);
            if (encodings.size() > 1 || !Set.of("identity", "none", "", "gzip", "x-gzip", "deflate").contains(encoding)) {
                throw new ArchiveRefusal(Reason.UNSUPPORTED, "the response of " + response.target() + " is encoded as '"
                        + String.join(", ", encodings) + "'; archives with gzip or deflate Content-Encoding, or none, are read");
            }
            boolean encoded = !Set.of("identity", "none", "").contains(encoding);
            byte[] payload;
            try {
                if (encoded) {
                    compressed += block.length;
                }
                try (InputStream in = encoded ? new Budget(http.bodyDecoded().stream(), true) : http.body().stream()) {
                    payload = in.readAllBytes();
                }
            } catch (ArchiveRefusal e) {
                throw e;
            } catch (IOException e) {
                throw new ArchiveRefusal(Reason.DAMAGED, "the response body of " + response.target() + " is truncated or not valid "
                        + encoding);
            }
            String ip = response instanceof WarcCaptureRecord capture ? capture.ipAddress().map(a -> a.getHostAddress()).orElse(null) : null;
            String digest = response.blockDigest().map(WarcDigest::toString).orElseGet(() -> {
                try {
                    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(block));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new ArchivedPage(response.target(), response.date(), response.id().toString(), digest, ip, contentType, payload);
        }

        ArchivedPage result() {
            if (records == 0) {
                throw new ArchiveRefusal(Reason.DAMAGED, "the archive holds no WARC record");
            }
            if (wanted != null) {
                if (found != null) {
                    return found;
                }
                if (truncatedWhy != null) {
                    throw new ArchiveRefusal(Reason.NOT_OK, "the archive's response for " + wanted + " was truncated when it was captured ("
                            + truncatedWhy + "); capture the whole page");
                }
                if (refusedStatus != null) {
                    throw new ArchiveRefusal(Reason.NOT_OK, "the archive's response for " + wanted + " is HTTP " + refusedStatus
                            + ", not 200: it holds no page to compare");
                }
                throw new ArchiveRefusal(Reason.NO_RECORD, "the archive holds no response record for " + wanted);
            }
            if (htmlPages.size() == 1 && firstHtml != null) {
                return firstHtml;
            }
            if (htmlPages.isEmpty() && responses.size() == 1 && firstResponse != null) {
                return firstResponse;
            }
            if (responses.isEmpty()) {
                throw new ArchiveRefusal(Reason.NO_RECORD, "the archive holds no response record");
            }
            var pages = htmlPages.isEmpty() ? responses : htmlPages;
            if (pages.size() == 1) {
                throw new ArchiveRefusal(Reason.NOT_OK, "the archive's response for " + pages.iterator().next()
                        + " is not HTTP 200: it holds no page to compare");
            }
            throw new ArchiveRefusal(Reason.AMBIGUOUS, "the archive holds " + pages.size() + " pages (" + shown(pages)
                    + "); name the URL of the page to capture");
        }

        /** Counts what is inflated and stops at the limits. */
        private final class Budget extends FilterInputStream {
            final boolean gzip;

            Budget(InputStream in, boolean gzip) {
                super(in);
                this.gzip = gzip;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                expanded += n;
                if (expanded > limits.maxExpandedBytes()) {
                    throw new ArchiveRefusal(Reason.TOO_LARGE, "the archive expands to more than " + describe(limits.maxExpandedBytes())
                            + " (copyright.capture.max-expanded-size)");
                }
                if (gzip && expanded > Limits.RATIO_CHECKED_ABOVE && expanded > (long) limits.maxRatio() * Math.max(1, compressed)) {
                    throw new ArchiveRefusal(Reason.TOO_LARGE, "the archive expands more than " + limits.maxRatio()
                            + " times its compressed size: taken for a gzip bomb (copyright.capture.max-ratio)");
                }
            }
        }
    }

    private static String brief(String message) {
        String m = message == null ? "" : message.replaceAll("[\\p{Cntrl}]", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}

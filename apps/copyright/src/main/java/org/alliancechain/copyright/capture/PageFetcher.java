package org.alliancechain.copyright.capture;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.alliancechain.copyright.capture.ArchiveRefusal.Reason;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Captures a URL into a WARC: the service fetches the page itself and writes each request and response as
 * received (redirects included) with jwarc's {@link WarcWriter}. Only http and https; the host is resolved once
 * and the connection goes to the address that was checked against {@code copyright.capture.allowed-networks}
 * (a DNS answer that changes between check and connection — DNS rebinding — reaches nothing else); TLS still
 * verifies the certificate against the host name. Each redirect is checked like the first URL. Time, bytes and
 * redirects are bounded ({@link CaptureConfig}); whatever exceeds them is refused, nothing is kept.
 */
@ApplicationScoped
public class PageFetcher {

    /** A WARC written by the service, gzip-compressed per record, and the URL its last response answered. */
    public record Fetched(byte[] warc, String url, Instant fetchedAt) {
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** The longest URL a capture keeps (its source and archive URL columns). */
    static final int MAX_URL = 2000;

    private final CaptureConfig config;
    private final Networks networks;

    PageFetcher(CaptureConfig config) {
        this.config = config;
        this.networks = Networks.of(config.allowedNetworks());
    }

    public Fetched fetch(String url) {
        Instant started = Instant.now();
        Instant deadline = started.plus(config.timeout());
        URI current = checked(url, url);
        var out = new ByteArrayOutputStream();
        URI answered;
        Instant answeredAt;
        try (var writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            writer.write(new Warcinfo.Builder().date(started).fields(Map.of("software", List.of(config.userAgent()),
                    "format", List.of("WARC File Format 1.1"), "description", List.of("capture of " + url))).build());
            for (int hop = 0; ; hop++) {
                InetAddress address = resolve(current, deadline);
                int port = current.getPort() != -1 ? current.getPort() : current.getScheme().equals("https") ? 443 : 80;
                byte[] request = request(current);
                Instant at = Instant.now();
                byte[] response = exchange(current, address, port, request, deadline);
                var requestRecord = new WarcRequest.Builder(current).date(at).ipAddress(address)
                        .blockDigest(sha256(request)).body(MediaType.HTTP_REQUEST, request).build();
                writer.write(requestRecord);
                writer.write(new WarcResponse.Builder(current).date(at).ipAddress(address).concurrentTo(requestRecord.id())
                        .blockDigest(sha256(response)).body(MediaType.HTTP_RESPONSE, response).build());
                HttpResponse http;
                try {
                    http = HttpResponse.parse(new BytesChannel(response));
                } catch (IOException | RuntimeException e) {
                    throw new ArchiveRefusal(Reason.UNREACHABLE, current.getHost() + " did not answer with an HTTP response");
                }
                var location = http.headers().first("Location");
                if (!REDIRECTS.contains(http.status()) || location.isEmpty()) {
                    answered = current;
                    answeredAt = at;
                    break;
                }
                if (hop >= config.maxRedirects()) {
                    throw new ArchiveRefusal(Reason.REFUSED_URL, url + " redirects more than " + config.maxRedirects()
                            + " times (copyright.capture.max-redirects)");
                }
                URI next;
                try {
                    next = current.resolve(new URI(location.get().strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new ArchiveRefusal(Reason.REFUSED_URL, current + " redirects to something that is not a URL");
                }
                current = checked(next.toString(), url);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a WARC in memory", e);
        }
        return new Fetched(out.toByteArray(), answered.toString(), answeredAt);
    }

    /** An http or https URL with a host, without credentials. */
    private static URI checked(String url, String asked) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ArchiveRefusal(Reason.REFUSED_URL, "'" + brief(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String via = url.equals(asked) ? "" : " (" + asked + " redirects there)";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ArchiveRefusal(Reason.REFUSED_URL, "only http and https URLs are captured, not "
                    + (scheme.isEmpty() ? "'" + brief(url) + "'" : scheme + ":") + via);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ArchiveRefusal(Reason.REFUSED_URL, "'" + brief(url) + "' names no host" + via);
        }
        if (uri.getRawUserInfo() != null) {
            throw new ArchiveRefusal(Reason.REFUSED_URL, "a URL with a user name or password is not captured" + via);
        }
        if (uri.getPort() > 65_535) {
            throw new ArchiveRefusal(Reason.REFUSED_URL, "port " + uri.getPort() + " does not exist (1 to 65535)" + via);
        }
        if (url.strip().length() > MAX_URL) {
            throw new ArchiveRefusal(Reason.REFUSED_URL, "a URL is at most " + MAX_URL + " characters, not " + url.strip().length() + via);
        }
        return uri.normalize();
    }

    /**
     * Resolves the host once, within the capture's time (the system resolver has no timeout of its own: the look-up runs
     * on a virtual thread that is left behind when the time is up); the first address the configuration allows is the
     * one connected to.
     */
    private InetAddress resolve(URI uri, Instant deadline) {
        InetAddress[] addresses;
        var lookup = new java.util.concurrent.FutureTask<>(() -> InetAddress.getAllByName(uri.getHost()));
        Thread.ofVirtual().name("capture-dns").start(lookup);
        try {
            addresses = lookup.get(remaining(deadline, uri), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            lookup.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout(uri);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                throw new ArchiveRefusal(Reason.UNREACHABLE, "the host " + uri.getHost() + " cannot be resolved");
            }
            throw new ArchiveRefusal(Reason.UNREACHABLE, "the host " + uri.getHost() + " cannot be resolved: " + e.getCause().getMessage());
        }
        return Arrays.stream(addresses).filter(networks::allows).findFirst().orElseThrow(() -> new ArchiveRefusal(Reason.REFUSED_URL,
                uri.getHost() + " is at " + String.join(", ", Arrays.stream(addresses).map(InetAddress::getHostAddress).toList())
                        + ", outside the networks captures may reach (" + networks.describe() + "; copyright.capture.allowed-networks)"));
    }

    private byte[] request(URI uri) {
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getRawAuthority();
        return ("GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + config.userAgent() + "\r\n"
                + "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,image/*;q=0.8,*/*;q=0.5\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the request to the checked address and reads the response as received, within the time and byte limits. */
    private byte[] exchange(URI uri, InetAddress address, int port, byte[] request, Instant deadline) {
        long max = config.maxBytes().asLongValue();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), remaining(deadline, uri));
            Socket channel = socket;
            if (uri.getScheme().equalsIgnoreCase("https")) {
                socket.setSoTimeout(remaining(deadline, uri));
                var tls = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(socket, uri.getHost(), port, true);
                var parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!uri.getHost().matches("[0-9.]+|\\[.*]")) {
                    // a fully qualified name's trailing dot ("example.com.") is not part of the name TLS sends
                    String host = uri.getHost().endsWith(".") ? uri.getHost().substring(0, uri.getHost().length() - 1) : uri.getHost();
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                channel = tls;
            }
            OutputStream out = channel.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = channel.getInputStream();
            var received = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long expected = -1;
            while (true) {
                channel.setSoTimeout(remaining(deadline, uri));
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                if (received.size() > max) {
                    throw new ArchiveRefusal(Reason.TOO_LARGE, uri + " answers with more than " + WebArchive.describe(max)
                            + " (copyright.capture.max-bytes)");
                }
                if (expected < 0) {
                    expected = expectedLength(received.toByteArray());
                }
                if (expected >= 0 && received.size() >= expected) {
                    break;
                }
            }
            return received.toByteArray();
        } catch (SocketTimeoutException e) {
            throw timeout(uri);
        } catch (ConnectException e) {
            throw new ArchiveRefusal(Reason.UNREACHABLE, uri.getHost() + " refused the connection");
        } catch (SSLException e) {
            throw new ArchiveRefusal(Reason.UNREACHABLE, "no trusted TLS connection to " + uri.getHost() + " (its certificate or "
                    + "protocol was refused)");
        } catch (IOException e) {
            throw new ArchiveRefusal(Reason.UNREACHABLE, "the connection to " + uri.getHost() + " failed");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Once the headers are in: header length plus Content-Length when the body has one (the server may keep the
     * connection open despite "Connection: close"), else -1 (read to the end: chunked or close-delimited).
     */
    private static long expectedLength(byte[] received) {
        int end = -1;
        for (int i = 3; i < received.length; i++) {
            if (received[i - 3] == '\r' && received[i - 2] == '\n' && received[i - 1] == '\r' && received[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            return -1;
        }
        String head = new String(received, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("\ntransfer-encoding:")) {
            return Long.MAX_VALUE;
        }
        var m = java.util.regex.Pattern.compile("\ncontent-length:\\s*(\\d{1,15})\\s*\r\n").matcher(head);
        if (m.find()) {
            return end + Long.parseLong(m.group(1));
        }
        String status = head.substring(0, Math.max(0, head.indexOf('\r')));
        // no body: 204, 304 and 1xx
        return status.matches("http/1\\.[01] (1\\d\\d|204|304).*") ? end : Long.MAX_VALUE;
    }

    private static int remaining(Instant deadline, URI uri) {
        long ms = Duration.between(Instant.now(), deadline).toMillis();
        if (ms <= 0) {
            throw timeout(uri);
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static ArchiveRefusal timeout(URI uri) {
        return new ArchiveRefusal(Reason.TIMEOUT, uri.getHost() + " did not answer within the time allowed (copyright.capture.timeout)");
    }

    private static WarcDigest sha256(byte[] block) {
        try {
            return new WarcDigest("sha256", MessageDigest.getInstance("SHA-256").digest(block));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String brief(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "").strip();
        return t.length() > 100 ? t.substring(0, 100) + "…" : t;
    }
}

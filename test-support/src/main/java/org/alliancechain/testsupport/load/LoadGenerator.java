package org.alliancechain.testsupport.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator, run in its own JVM by the HTTP benchmark so that the
 * client's work is not counted in the server's process: N keep-alive connections, each sending its
 * next request when the previous answer has been read, for a warm-up and then a measured period.
 * Plain sockets keep the client's cost per request to a few microseconds.
 *
 * <pre>
 * java ... LoadGenerator URL [--method POST] [--header "Name: value"]... [--body-file F]...
 *          [--connections 16] [--warm-up-seconds 3] [--seconds 10] [--expect 200]
 * </pre>
 *
 * A body may contain {@code {n}}, each occurrence replaced by a distinct 64-hex-digit number (so that
 * every request registers something new). With several body files, each connection sends them in turn
 * (starting at a different one); bodies are sent as their bytes (binary multipart forms too). Prints one JSON line: requests, per_second, latency
 * percentiles in microseconds, the count of each status, and unexpected answers.
 */
public final class LoadGenerator {

    private final URI url;
    private final String method;
    private final List<String> headers;
    private final List<byte[]> bodies;
    private final int expect;
    private final AtomicLong serial = new AtomicLong(System.nanoTime() & 0xffff_ffffL);
    private volatile boolean measuring;
    private volatile boolean stop;

    private LoadGenerator(URI url, String method, List<String> headers, List<byte[]> bodies, int expect) {
        this.url = url;
        this.method = method;
        this.headers = headers;
        this.bodies = bodies;
        this.expect = expect;
    }

    public static void main(String[] args) throws Exception {
        URI url = null;
        String method = "GET";
        List<String> headers = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        int connections = 16;
        double warmUp = 3;
        double seconds = 10;
        int expect = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--method" -> method = args[++i];
                case "--header" -> headers.add(args[++i]);
                case "--body-file" -> bodies.add(Files.readAllBytes(Path.of(args[++i])));
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--warm-up-seconds" -> warmUp = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--expect" -> expect = Integer.parseInt(args[++i]);
                default -> url = URI.create(args[i]);
            }
        }
        if (url == null) {
            System.err.println("usage: LoadGenerator URL [--method M] [--header H]... [--body-file F] [--connections N] "
                    + "[--warm-up-seconds S] [--seconds S] [--expect STATUS]");
            System.exit(2);
        }
        System.out.println(new LoadGenerator(url, method, headers, bodies, expect).run(connections, warmUp, seconds));
    }

    private String run(int connections, double warmUpSeconds, double seconds) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            var worker = new Worker(i);
            workers.add(worker);
            Thread.ofPlatform().daemon().name("load-" + i).start(worker);
        }
        Thread.sleep((long) (warmUpSeconds * 1000));
        measuring = true;
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring = false;
        long nanos = System.nanoTime() - t0;
        stop = true;
        long count = 0;
        long unexpected = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        long[] all = new long[0];
        String firstUnexpected = null;
        for (var w : workers) {
            count += w.count;
            unexpected += w.unexpected;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            all = concat(all, Arrays.copyOf(w.latencies, w.count));
            if (firstUnexpected == null) {
                firstUnexpected = w.firstUnexpected;
            }
        }
        Arrays.sort(all);
        var status = new StringBuilder("{");
        statuses.forEach((k, v) -> status.append(status.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        status.append('}');
        return String.format(Locale.ROOT, "{\"requests\":%d,\"seconds\":%.2f,\"per_second\":%.1f,\"p50_us\":%d,\"p99_us\":%d,"
                        + "\"connections\":%d,\"status\":%s,\"unexpected\":%d,\"first_unexpected\":%s}",
                count, nanos / 1e9, count / (nanos / 1e9), percentile(all, 0.5), percentile(all, 0.99), connections, status,
                unexpected, firstUnexpected == null ? "null" : quote(firstUnexpected));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] / 1000;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + '"';
    }

    /** One connection, one request at a time; reconnects when the server closes. */
    private final class Worker implements Runnable {
        long[] latencies = new long[1 << 16];
        int count;
        long unexpected;
        String firstUnexpected;
        final Map<Integer, Long> statuses = new HashMap<>();
        int next;

        Worker(int first) {
            this.next = first;
        }

        @Override
        public void run() {
            while (!stop) {
                try (var socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
                    socket.setSoTimeout(60_000);
                    var out = socket.getOutputStream();
                    var in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    while (!stop) {
                        long start = System.nanoTime();
                        out.write(request());
                        out.flush();
                        var answer = Answer.read(in);
                        long took = System.nanoTime() - start;
                        if (measuring) {
                            record(answer, took);
                        }
                        if (answer.close()) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    if (measuring) {
                        unexpected++;
                        if (firstUnexpected == null) {
                            firstUnexpected = e.toString();
                        }
                    }
                }
            }
        }

        private void record(Answer answer, long took) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
            statuses.merge(answer.status(), 1L, Long::sum);
            if (answer.status() != expect) {
                unexpected++;
                if (firstUnexpected == null) {
                    firstUnexpected = answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8);
                }
            }
        }

        private byte[] request() {
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            byte[] content = bodies.isEmpty() ? null : numbered(bodies.get(next++ % bodies.size()));
            var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            if (content != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (content == null) {
                return h;
            }
            byte[] all = Arrays.copyOf(h, h.length + content.length);
            System.arraycopy(content, 0, all, h.length, content.length);
            return all;
        }
    }

    /** The body with each {n} replaced by a distinct number. */
    private byte[] numbered(byte[] body) {
        String template = new String(body, StandardCharsets.ISO_8859_1);
        if (!template.contains("{n}")) {
            return body;
        }
        template = new String(body, StandardCharsets.UTF_8);
        var out = new StringBuilder(template.length() + 64);
        int from = 0;
        for (int at = template.indexOf("{n}"); at >= 0; at = template.indexOf("{n}", from)) {
            out.append(template, from, at).append(String.format("%064x", serial.incrementAndGet()));
            from = at + 3;
        }
        return out.append(template, from, template.length()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A response: status, body (for the report of an unexpected one) and whether the server closes. */
    private record Answer(int status, byte[] body, boolean close) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed by the server");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            var body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    copy(in, body, size);
                    line(in);
                }
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
            } else if (length > 0) {
                copy(in, body, length);
            }
            return new Answer(status, body.toByteArray(), close);
        }

        private static void copy(InputStream in, java.io.ByteArrayOutputStream out, long n) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("connection closed in the middle of a body");
                }
                out.write(buffer, 0, r);
                n -= r;
            }
        }

        private static String line(InputStream in) throws IOException {
            var out = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return out.isEmpty() ? null : out.toString();
                }
                if (b != '\r') {
                    out.append((char) b);
                }
            }
            return out.toString();
        }
    }
}

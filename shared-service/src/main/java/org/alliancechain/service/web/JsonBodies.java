package org.alliancechain.service.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads small JSON request bodies whole on the I/O thread, before the endpoint runs. A blocking REST
 * endpoint otherwise reads its body on the worker thread, which waits on the connection's monitor
 * for the I/O thread to hand each chunk over: under load that hand-over took a quarter of the CPU of
 * {@code POST /api/notarisations} (the two threads contending for the monitor), more than the
 * request's own work. With the body read, RESTEasy Reactive gives the endpoint the buffered bytes.
 * Only HTTP/1.x bodies that announce their length and fit {@link #MAX_BYTES}; anything else (HTTP/2
 * streams, chunked, larger, multipart uploads) streams to the endpoint as before, under the server's
 * own body limits.
 */
@ApplicationScoped
public class JsonBodies {

    /** The largest JSON body read ahead: a bulk request of a thousand items is ~0.2 MB. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    /** Before the REST routes (Quarkus's default order is 10,000), after its own start-up handlers. */
    private static final int ORDER = 1_000;

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BYTES);
        router.route().order(ORDER).handler(context -> {
            if (readAhead(context.request())) {
                bodies.handle(context);
            } else {
                context.next();
            }
        });
    }

    static boolean readAhead(HttpServerRequest request) {
        // HTTP/1.x only: on an HTTP/2 stream RESTEasy Reactive pauses the request after the body handler has read it
        // to its end, which Vert.x refuses ("Request has already been read") — every such request answered 500.
        if (request.version() != HttpVersion.HTTP_1_1 && request.version() != HttpVersion.HTTP_1_0) {
            return false;
        }
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (type == null || length == null || !isJson(type)) {
            return false;
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes >= 0 && bytes <= MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code application/json} or any {@code application/…+json}, parameters allowed. */
    static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}

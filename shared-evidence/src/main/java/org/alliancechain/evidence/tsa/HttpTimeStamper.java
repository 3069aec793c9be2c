package org.alliancechain.evidence.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.alliancechain.evidence.HashAlgorithm;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A client for any RFC 3161 TSA over HTTP (RFC 3161 §3.4): POSTs a {@code application/timestamp-query}
 * with a random nonce, expects {@code application/timestamp-reply}, and checks that the token answers
 * this very request (imprint, nonce) before returning it.
 */
public final class HttpTimeStamper implements TimeStamper {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;

    public HttpTimeStamper(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] timestamp(HashAlgorithm algorithm, byte[] digest) {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TimeStampAuthority.oid(algorithm), digest, new BigInteger(64, RANDOM));
        try {
            var reply = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new TimeStampException("the TSA at " + url + " answered HTTP " + reply.statusCode());
            }
            String type = reply.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/timestamp-reply")) {
                throw new TimeStampException("the TSA at " + url + " answered " + (type.isEmpty() ? "without a content type" : type)
                        + ", not application/timestamp-reply");
            }
            var response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimeStampException("the TSA at " + url + " refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new TimeStampException("the TSA at " + url + " answered a token that does not match the request: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TimeStampException("cannot reach the TSA at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampException("interrupted while waiting for the TSA at " + url, e);
        }
    }
}

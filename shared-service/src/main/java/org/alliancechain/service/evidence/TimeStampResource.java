package org.alliancechain.service.evidence;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.InputStream;
import org.alliancechain.evidence.tsa.TimeStampAuthority;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The suite's RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4), for members:
 * {@code curl -H "Authorization: Bearer …" -H 'Content-Type: application/timestamp-query'
 * --data-binary @request.tsq …/tsa > reply.tsr}, then {@code openssl ts -verify}.
 */
@Path("/tsa")
public class TimeStampResource {

    public static final String QUERY = "application/timestamp-query";
    public static final String REPLY = "application/timestamp-reply";

    private final TimeStampAuthority authority;
    private final EvidenceConfig config;

    TimeStampResource(TimeStampAuthority authority, EvidenceConfig config) {
        this.authority = authority;
        this.config = config;
    }

    @POST
    @Consumes(QUERY)
    @Produces(REPLY)
    @Authenticated
    @Operation(summary = "Time-stamp a digest (RFC 3161 request in, RFC 3161 reply out; malformed requests get a rejection reply)")
    public byte[] timestamp(InputStream request) {
        return authority.respond(BoundedBody.read(request, config.maxTimestampRequestSize(), "the time-stamp request"));
    }
}

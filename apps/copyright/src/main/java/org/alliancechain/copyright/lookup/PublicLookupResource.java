package org.alliancechain.copyright.lookup;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The public look-up of registered works: no account needed, limited per client address
 * ({@link LookupThrottle}) and in size ({@code copyright.lookup.max-text-characters},
 * {@code suite.uploads.max-file-size}). Answers registration records only ({@link PublicLookup}).
 */
@Path("/api/public/works")
@Tag(name = "Public look-up")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicLookupResource {

    public record TextLookup(@NotBlank String text,
                             @NotNull @Pattern(regexp = "plain|html", message = "must be plain or html") String format) {
    }

    private final PublicLookup lookup;
    private final LookupThrottle throttle;
    private final Uploads uploads;
    private final UploadIntake intake;

    PublicLookupResource(PublicLookup lookup, LookupThrottle throttle, Uploads uploads, UploadIntake intake) {
        this.lookup = lookup;
        this.throttle = throttle;
        this.uploads = uploads;
        this.intake = intake;
    }

    @GET
    @Path("/{contentDigest}")
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @Operation(summary = "Is content with this SHA-256 registered? The registration record of the registered work (work id, content "
            + "digest, holder, time-stamped at, WorkRegistry's block and transaction, the public verifier's link); 404 when none is. "
            + "No login; limited per client")
    public PublicLookup.Answer byDigest(@PathParam("contentDigest") @Pattern(regexp = "[0-9a-fA-F]{64}",
            message = "must be a SHA-256 content digest (64 hexadecimal digits)") String digest, @Context HttpServerRequest request) {
        String client = LookupThrottle.client(request);
        throttle.admit(client);
        var answer = lookup.byDigest(digest);
        if (!answer.found()) {
            throttle.missed(client);
            throw new ProblemException(Response.Status.NOT_FOUND, "no registered work has content with SHA-256 " + answer.digest()
                    + " (a copy changed by a single byte has another digest: look it up by its content)");
        }
        return answer;
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @Operation(summary = "Is this text (plain or HTML; scripts never run, nothing fetched) registered, or a near copy of a registered "
            + "work? The registration records of the works it copies ('exact': the registered bytes, 'near': a near copy), never the "
            + "works or scores; an empty list when none. No login; limited per client and to copyright.lookup.max-text-characters")
    public PublicLookup.Answer byText(@Valid @NotNull TextLookup query, @Context HttpServerRequest request) {
        throttle.admit(LookupThrottle.client(request));
        return lookup.byText(query.text(), "html".equals(query.format()), "text");
    }

    @POST
    @Path("/lookup/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @Operation(summary = "Is this file (part 'file': an image, a plain-text or HTML file; its type read from its content) registered, "
            + "or a near copy of a registered work (images also rotated, flipped, inverted or cropped)? Registration records only. "
            + "No login; limited per client and to suite.uploads.max-file-size")
    public PublicLookup.Answer byFile(@RestForm("file") FileUpload file, @Context HttpServerRequest request) {
        throttle.admit(LookupThrottle.client(request));
        if (file == null || Uploads.chosen(List.of(file)).isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "choose the file to look up", "file");
        }
        return lookup.byFile(intake.accept(List.of(uploads.read(file)), PublicLookup.FILES).getFirst());
    }
}

package org.alliancechain.copyright.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.alliancechain.copyright.lookup.LookupThrottle;
import org.alliancechain.copyright.lookup.PublicLookup;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.Uploads;
import org.alliancechain.service.web.PageShells;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The public look-up page, in Chinese and English, linked from the header of every public page
 * ({@code /verify} too): is a text or an image registered — by its SHA-256, or by its content for near
 * copies. It shows registration records only, as the API does ({@link PublicLookup}); no account needed.
 */
@Path("/verify/works")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LookupPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(org.alliancechain.service.web.PageShell page, Form form, PublicLookup.Answer answer, String error);
    }

    /** The forms as entered (the file is chosen again). */
    public record Form(String digest, String text, String format) {
        static final Form EMPTY = new Form("", "", "plain");
    }

    private final PublicLookup lookup;
    private final LookupThrottle throttle;
    private final Uploads uploads;
    private final UploadIntake intake;
    private final PageShells shells;

    LookupPages(PublicLookup lookup, LookupThrottle throttle, Uploads uploads, UploadIntake intake, PageShells shells) {
        this.lookup = lookup;
        this.throttle = throttle;
        this.uploads = uploads;
        this.intake = intake;
        this.shells = shells;
    }

    @GET
    @Transactional
    @Operation(hidden = true)
    public Response page(@QueryParam("digest") String digest, @Context HttpServerRequest request) {
        String wanted = CopyrightPages.trim(digest);
        var form = new Form(wanted, "", "plain");
        if (wanted.isEmpty()) {
            return page(200, Form.EMPTY, null, null);
        }
        if (!wanted.matches("[0-9a-fA-F]{64}")) {
            return page(400, form, null, "内容摘要应为 64 位十六进制 · a SHA-256 content digest is 64 hexadecimal digits");
        }
        String client = LookupThrottle.client(request);
        try {
            throttle.admit(client);
        } catch (ProblemException e) {
            return page(e.status().getStatusCode(), form, null, e.getMessage());
        }
        var answer = lookup.byDigest(wanted);
        if (!answer.found()) {
            throttle.missed(client);
        }
        return page(answer.found() ? 200 : 404, form, answer, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    @Operation(hidden = true)
    public Response lookUp(@RestForm String text, @RestForm String format, @RestForm("file") FileUpload file,
                           @Context HttpServerRequest request) {
        var form = new Form("", text == null ? "" : text, "html".equals(CopyrightPages.trim(format)) ? "html" : "plain");
        try {
            boolean hasFile = file != null && !Uploads.chosen(List.of(file)).isEmpty();
            if (!hasFile && form.text().isBlank()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "粘贴文字或选择文件 · paste a text or choose a file", "text");
            }
            throttle.admit(LookupThrottle.client(request));
            var answer = hasFile ? lookup.byFile(intake.accept(List.of(uploads.read(file)), PublicLookup.FILES).getFirst())
                    : lookup.byText(form.text(), "html".equals(form.format()), "text");
            return page(200, form, answer, null);
        } catch (ProblemException e) {
            return page(e.status().getStatusCode(), form, null, e.getMessage());
        }
    }

    private Response page(int status, Form form, PublicLookup.Answer answer, String error) {
        return Response.status(status).entity(Templates.lookup(shells.anonymous(CopyrightPages.TITLE), form, answer, error))
                .type(MediaType.TEXT_HTML).build();
    }
}

package org.alliancechain.copyright.monitoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alliancechain.copyright.works.WorkIntake;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.UploadPolicy;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/matches")
@Tag(name = "Monitoring")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {

    static final UploadPolicy SUSPECTS = UploadPolicy.only("as suspected copies", ContentType.JPEG, ContentType.PNG, ContentType.GIF,
            ContentType.BMP, ContentType.WEBP, ContentType.TEXT, ContentType.HTML);

    public record TextQuery(@NotBlank @Size(max = 1_000_000) String text,
                            @NotNull @Pattern(regexp = "plain|html", message = "must be plain or html") String format) {
    }

    public record BulkQuery(@NotNull List<BulkMatches.Item> items) {
    }

    public record HashQuery(@NotNull @Size(min = 1, max = Matches.MAX_HASHES) List<String> pdq) {
    }

    private final Matches matches;
    private final BulkMatches bulk;
    private final Caller caller;
    private final Uploads uploads;
    private final UploadIntake intake;
    private final WorkIntake texts;

    MonitoringResource(Matches matches, BulkMatches bulk, Caller caller, Uploads uploads, UploadIntake intake, WorkIntake texts) {
        this.texts = texts;
        this.matches = matches;
        this.bulk = bulk;
        this.caller = caller;
        this.uploads = uploads;
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Search every registered work for a suspected copy given as text (plain or HTML, whose main text is compared; "
            + "scripts are never run, nothing is fetched): ranked works with band (MATCH, REVIEW), containment both ways and the matched "
            + "passages quoted from both sides")
    public Matches.SearchView text(@Valid @NotNull TextQuery query) {
        return matches.text(caller.requireOrganisation(), query.text(), "html".equals(query.format()), "text");
    }

    @POST
    @Path("/hashes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Look up PDQ hashes a crawler computed itself ({pdq: [64 hex digits, ...]}, at most 100): per hash, in order, "
            + "the image works whose whole-image hash lies within 31 bits, nearest first. Hashes are compared as given: send the hashes of "
            + "rotated, mirrored or inverted variants to find those too; crops need the image (POST /api/matches/files)")
    public Matches.HashSearchView hashes(@Valid @NotNull HashQuery query) {
        return matches.hashes(caller.requireOrganisation(), query.pdq(), "pdq");
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Search every registered work for a suspected copy given as a file (part 'file': an image, a plain-text or HTML "
            + "file; the type is read from the content): images by PDQ in all eight orientations and inverted, and by regions for crops; "
            + "with 'readText' = true an image is a screenshot of a text: the text recognised in it (Tesseract, Chinese and English) is "
            + "searched as POST /api/matches searches a text, and answered with it (kind TEXT_IN_IMAGE, recognisedText)")
    public Matches.SearchView file(@RestForm("file") FileUpload file, @RestForm("readText") boolean readText) {
        if (file == null || Uploads.chosen(List.of(file)).isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "choose the file to compare", "file");
        }
        var accepted = intake.accept(List.of(uploads.read(file)), SUSPECTS).getFirst();
        String org = caller.requireOrganisation();
        if (accepted.type().kind() == ContentType.Kind.TEXT) {
            if (readText) { // as a capture answers: a text is compared as it is, never read as a picture of one
                throw TextInImages.notAnImage("this file is " + accepted.type().mediaType(), "readText");
            }
            return matches.text(org, texts.textOf(accepted, "file"), accepted.type().equals(ContentType.HTML), "file");
        }
        if (readText) {
            return matches.screenshot(org, accepted.content(), "file");
        }
        return matches.image(org, accepted.content(), "file");
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS) // reads only: no transaction of its own (a commit per look-up)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Search every registered work for many suspected copies at once (a crawler's output): up to "
            + "copyright.matches.max-bulk-items (500) items {ref, text | html | imageBase64}, each answered in its place with its matches "
            + "as POST /api/matches gives them, or with its own problem naming items[i].field (200 all the same: an unreadable item never "
            + "fails the others); 413 for too many items, 503 while the index is loading")
    public BulkMatches.BulkView bulk(@Valid @NotNull BulkQuery query) {
        return bulk.search(caller.requireOrganisation(), query.items());
    }
}

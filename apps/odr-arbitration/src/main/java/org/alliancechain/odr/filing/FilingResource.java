package org.alliancechain.odr.filing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import org.alliancechain.odr.cases.CaseResource;
import org.alliancechain.odr.cases.CaseService;
import org.alliancechain.odr.cases.CaseViews;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.service.upload.Uploads;
import org.alliancechain.service.upload.IncomingFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Filing a case, with or without documents: the one step that spans the case and its first
 * evidence, so it sits above both features ({@link CaseFiling}). The other case endpoints share the
 * path in {@link CaseResource}.
 */
@Path("/api/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class FilingResource {

    public record FilingRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = CaseResource.ALIAS, message = "must be an organisation alias") String commission,
            @NotBlank @Pattern(regexp = CaseResource.ALIAS, message = "must be an organisation alias") String respondent,
            @NotBlank @Size(max = 20000) String claim,
            @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 18, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as CNY") String currency,
            @NotBlank @Size(max = 200) String agreementReference) {

        public CaseService.Filing filing() {
            return new CaseService.Filing(title, commission, respondent, claim, amount, currency, agreementReference);
        }
    }

    private final CaseFiling filing;
    private final CaseViews views;
    private final Uploads uploads;
    private final Validator validator;

    FilingResource(CaseFiling filing, CaseViews views, Uploads uploads, Validator validator) {
        this.filing = filing;
        this.views = views;
        this.uploads = uploads;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("claimant")
    @Operation(summary = "File a case for your organisation (201); it is recorded in CaseRegistry by your organisation's key")
    public Response file(@Valid @NotNull FilingRequest request, UriInfo uri) {
        var c = filing.file(request.filing(), List.of());
        return created(c, uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("claimant")
    @Operation(summary = "File a case with documents: part 'case' (the filing as JSON) and parts 'documents' (files; they become C-1, C-2 …)")
    public Response fileWithDocuments(@RestForm("case") String filingJson, @RestForm("documents") List<FileUpload> documents, UriInfo uri) {
        var request = views.parse(filingJson, FilingRequest.class, validator);
        List<IncomingFile> files = uploads.read(documents);
        var c = filing.file(request.filing(), files);
        return created(c, uri);
    }

    private Response created(OdrCase c, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("api/cases").path(String.valueOf(c.id)).build()).entity(views.of(c)).build();
    }
}

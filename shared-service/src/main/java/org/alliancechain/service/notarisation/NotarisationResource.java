package org.alliancechain.service.notarisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.service.upload.Downloads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Registers document hashes on chain for the caller's organisation. Which roles may do so is a
 * per-application setting ({@code suite.notarisation.roles}).
 */
@Path("/api/notarisations")
@Tag(name = "Notarisation")
@Produces(MediaType.APPLICATION_JSON)
public class NotarisationResource {

    public record NotarisationRequest(
            @NotNull @org.alliancechain.service.web.Sha256Hex
            @org.eclipse.microprofile.openapi.annotations.media.Schema(pattern = "[0-9a-fA-F]{64}", description = "SHA-256 of the document, hex")
            String sha256,
            @NotBlank @Size(max = 200) String label) {
    }

    /**
     * Where the hash stands on chain: {@code BATCHING} (waiting for its Merkle batch), then the
     * anchoring transaction's {@code PENDING}, {@code SUBMITTED}, {@code CONFIRMED} or {@code FAILED};
     * with the inclusion proof once the hash has its place in a batch.
     */
    public record ChainState(String status, String transactionHash, Long blockNumber, InclusionProof proof) {
        static ChainState of(org.alliancechain.chain.api.NotarisationView item) {
            var proof = item.proof().orElse(null);
            return new ChainState(item.state(), proof == null ? null : proof.transactionHash(),
                    proof == null ? null : proof.blockNumber(), proof);
        }
    }

    /** {@code recordDigest}: what was anchored — SHA-256 of the record (RFC 8785 JSON) that holds {@code sha256}. */
    public record NotarisationView(long id, String organisation, String createdBy, String label, String sha256, String recordDigest,
                                   Instant createdAt, ChainState chain) {
    }

    /** The most notarisations one bulk request may hold. */
    public static final int MAX_BULK = 1000;

    private final NotarisationService service;
    private final ChainPort chain;
    private final org.alliancechain.service.evidence.CertificateIssuer issuer;
    private final org.alliancechain.service.attest.TimeStampTokens tokens;

    NotarisationResource(NotarisationService service, ChainPort chain, org.alliancechain.service.evidence.CertificateIssuer issuer,
                         org.alliancechain.service.attest.TimeStampTokens tokens) {
        this.tokens = tokens;
        this.service = service;
        this.chain = chain;
        this.issuer = issuer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("${suite.notarisation.roles}")
    @Operation(summary = "Register a SHA-256 document hash on chain; answers 202 while it waits for its anchored Merkle batch")
    public Response register(@Valid @NotNull NotarisationRequest request, UriInfo uri) {
        var item = service.register(request.sha256(), request.label());
        return Response.accepted(justRegistered(item))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(item.id)).build())
                .build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("${suite.notarisation.roles}")
    @Operation(summary = "Register up to 1,000 SHA-256 document hashes in one request, all or none; answers 202 with each "
            + "notarisation in the order sent")
    public Response registerAll(@Valid @NotNull @Size(min = 1, max = MAX_BULK, message = "must hold 1 to " + MAX_BULK + " notarisations")
                                List<@Valid @NotNull NotarisationRequest> requests) {
        var items = service.registerAll(requests.stream().map(NotarisationRequest::sha256).toList(),
                requests.stream().map(NotarisationRequest::label).toList());
        return Response.accepted(items.stream().map(NotarisationResource::justRegistered).toList()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("${suite.notarisation.roles}")
    @Operation(summary = "One of your organisation's notarisations with its chain status")
    public NotarisationView get(@PathParam("id") long id) {
        var item = service.summary(id);
        var onChain = chain.notarisation(item.notarisationItemId()).orElseThrow();
        return new NotarisationView(item.id(), item.organisation(), item.createdBy(), item.label(), item.sha256(), item.recordDigest(),
                item.createdAt(), ChainState.of(onChain));
    }

    @GET
    @RolesAllowed("${suite.notarisation.roles}")
    @Operation(summary = "Your organisation's latest notarisations")
    public List<NotarisationView> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.latest(limit).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}/certificate")
    @Produces("application/pdf")
    @RolesAllowed("${suite.notarisation.roles}")
    @Operation(summary = "The signed evidence certificate (PDF/A-3, PAdES) of a confirmed notarisation; 409 while it is not anchored yet")
    public Response certificate(@PathParam("id") long id,
                                @QueryParam("level") @DefaultValue("B-T") @jakarta.validation.constraints.Pattern(regexp = "B-T|B-LT|B-LTA",
                                        message = "must be B-T, B-LT or B-LTA") String level) {
        var item = service.find(id);
        byte[] pdf = issuer.issue(item.organisation + "-N" + item.id, org.alliancechain.evidence.pdf.EvidenceCertificate.Title.EVIDENCE,
                item.organisation, item.record.json, item.record.notarisationItemId, tokens.stampOf(item.record.timestampToken, item.timestampTokenId),
                org.alliancechain.evidence.pdf.PadesSigner.Level.valueOf(level.replace('-', '_')));
        return Downloads.file(pdf, "application/pdf",
                "certificate-" + item.organisation + "-N" + item.id + ".pdf");
    }

    /** A notarisation just committed waits for its batch: its state is known without reading the outbox. */
    private static NotarisationView justRegistered(Notarisation item) {
        return new NotarisationView(item.id, item.organisation, item.createdBy, item.label, item.sha256, item.record.digest,
                item.createdAt, new ChainState(org.alliancechain.chain.api.NotarisationView.BATCHING, null, null, null));
    }

    private NotarisationView view(Notarisation item) {
        var onChain = chain.notarisation(item.record.notarisationItemId).orElseThrow();
        return new NotarisationView(item.id, item.organisation, item.createdBy, item.label, item.sha256, item.record.digest,
                item.createdAt, ChainState.of(onChain));
    }
}

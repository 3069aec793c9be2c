package org.alliancechain.supplyfinance.arbitration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/arbitrations")
@Tag(name = "Default to arbitration")
@Produces(MediaType.APPLICATION_JSON)
public class ArbitrationResource {

    public record FilingRequest(@NotNull Long partId,
                                @NotBlank @Size(max = 20_000, message = "must be at most 20000 characters") String claim,
                                @Size(max = 64) String commission) {
    }

    public record ArbitrationView(long id, long partId, long certificateId, String certificateNumber, String claimant, String respondent,
                                  String commission, String caseNumber, String caseId, BigDecimal claimed, int citations, String claimDigest,
                                  ChainState filing, ChainState partMarked, Instant filedAt) {
    }

    private final DefaultArbitration service;
    private final Caller caller;
    private final ChainStates chainStates;

    ArbitrationResource(DefaultArbitration service, Caller caller, ChainStates chainStates) {
        this.service = service;
        this.caller = caller;
        this.chainStates = chainStates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supplier", "bank"})
    @Operation(summary = "File an arbitration case against the core enterprise over a part you hold of an overdue certificate (201): the "
            + "case goes on CaseRegistry citing the certificate's history on chain (invoices, confirmation, transfers, financing, overdue) as "
            + "evidence, and odr-arbitration takes it from there; the part is then recorded as in arbitration")
    public Response file(@Valid @NotNull FilingRequest request, UriInfo uri) {
        var row = service.file(request.partId(), request.claim().strip(), request.commission());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(row.id)).build()).entity(view(row)).build();
    }

    @GET
    @RolesAllowed({"core-enterprise", "supplier", "bank"})
    @Operation(summary = "The arbitration cases your organisation filed over receivables, or that were filed against it")
    public List<ArbitrationView> list() {
        String organisation = caller.requireOrganisation();
        return ArbitrationCase.<ArbitrationCase>list("claimant = ?1 or respondent = ?1 order by id desc", organisation).stream()
                .limit(500).map(this::view).toList();
    }

    ArbitrationView view(ArbitrationCase a) {
        String number = ReceivableCertificate.<ReceivableCertificate>findByIdOptional(a.certificateId).map(c -> c.number).orElse(null);
        return new ArbitrationView(a.id, a.partId, a.certificateId, number, a.claimant, a.respondent, a.commission, a.caseNumber,
                "0x" + HexFormat.of().formatHex(a.caseId), BigDecimal.valueOf(a.claimedCents, 2), a.citations,
                HexFormat.of().formatHex(a.claimDigest), chainStates.transaction(a.filingTxId).orElse(null),
                chainStates.transaction(a.markTxId).orElse(null), a.filedAt);
    }
}

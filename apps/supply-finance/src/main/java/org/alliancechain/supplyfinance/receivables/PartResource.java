package org.alliancechain.supplyfinance.receivables;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A holder's wallet of parts, and the steps on them: split, offer down the supply chain, accept, reject or withdraw an offer. */
@Path("/api/parts")
@Tag(name = "Parts (the wallet)")
@Produces(MediaType.APPLICATION_JSON)
public class PartResource {

    public record SplitRequest(@NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal value) {
    }

    public record OfferRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal value,
            @NotBlank @Size(max = 64) String recipient,
            @NotNull Instant expiresAt) {
    }

    public record BulkOperation(@NotBlank String action, @NotNull Long partId,
                                @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal value,
                                @Size(max = 64) String recipient, Instant expiresAt) {
    }

    public record BulkRequest(@NotNull @jakarta.validation.constraints.NotEmpty
                              @Size(max = 1000, message = "at most 1000 operations per request") List<@Valid @NotNull BulkOperation> operations) {
    }

    public record BulkAnswer(int queued) {
    }

    /** A part in a wallet, with the certificate it belongs to and the state of the last step queued on it. */
    public record WalletPart(long partId, long certificateId, String certificateNumber, String core, java.time.LocalDate maturity, Long parentId,
                             int depth, String holder, BigDecimal value, String state, String stateLabel, String recipient, String splitter,
                             Instant expiresAt, ChainState lastStep) {
    }

    private final PartService service;
    private final Caller caller;
    private final ChainStates chainStates;

    PartResource(PartService service, Caller caller, ChainStates chainStates) {
        this.service = service;
        this.caller = caller;
        this.chainStates = chainStates;
    }

    @GET
    @RolesAllowed({"supplier", "bank"})
    @Operation(summary = "Your organisation's parts, the offers made to it and the offers it made that are still open")
    public List<WalletPart> wallet() {
        String organisation = caller.requireOrganisation();
        List<ReceivablePart> parts = ReceivablePart.list("""
                (holder = ?1 and state not in (?2, ?3) and valueCents > 0) or (state = ?4 and (recipient = ?1 or splitter = ?1))
                order by certificateId, partId""", organisation, ReceivablePart.State.SETTLED, ReceivablePart.State.MERGED,
                ReceivablePart.State.PENDING);
        return parts.stream().map(this::view).toList();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supplier")
    @Operation(summary = "Up to 1000 steps on your parts and the offers made to you in one request (202): each {action: split|offer|accept|"
            + "reject|withdraw, partId, value, recipient, expiresAt} checked as its single call, in order; the first refused step refuses them "
            + "all (problem+json naming operations[i]) and nothing is queued")
    public Response bulk(@Valid @NotNull BulkRequest request) {
        var operations = request.operations().stream().map(o -> new PartService.Operation(o.action().strip(), o.partId(),
                o.value() == null ? null : cents(o.value()), o.recipient(), o.expiresAt())).toList();
        return Response.accepted(new BulkAnswer(service.apply(operations))).build();
    }

    @POST
    @Path("/{partId}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supplier")
    @Operation(summary = "Split value off a part you hold into a new part you keep (202; the new part appears once mined)")
    public Response split(@PathParam("partId") long partId, @Valid @NotNull SplitRequest request) {
        return Response.accepted(view(service.split(partId, cents(request.value())))).build();
    }

    @POST
    @Path("/{partId}/offer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supplier")
    @Operation(summary = "Offer value of a part you hold to another member (202): the registry holds it until the recipient accepts or "
            + "rejects it, you withdraw it, or it expires and returns to you")
    public Response offer(@PathParam("partId") long partId, @Valid @NotNull OfferRequest request) {
        return Response.accepted(view(service.offer(partId, cents(request.value()), request.recipient().strip(), request.expiresAt()))).build();
    }

    @POST
    @Path("/{partId}/accept")
    @RolesAllowed("supplier")
    @Operation(summary = "Accept an offer made to your organisation before it expires (202): the part becomes yours")
    public Response accept(@PathParam("partId") long partId) {
        return Response.accepted(view(service.answer(partId, true))).build();
    }

    @POST
    @Path("/{partId}/reject")
    @RolesAllowed("supplier")
    @Operation(summary = "Reject an offer made to your organisation (202): the value returns to the member that offered it")
    public Response reject(@PathParam("partId") long partId) {
        return Response.accepted(view(service.answer(partId, false))).build();
    }

    @POST
    @Path("/{partId}/withdraw")
    @RolesAllowed("supplier")
    @Operation(summary = "Withdraw an offer you made that the recipient has not answered (202): the value returns to you")
    public Response withdraw(@PathParam("partId") long partId) {
        return Response.accepted(view(service.withdraw(partId))).build();
    }

    private WalletPart view(ReceivablePart p) {
        ReceivableCertificate c = ReceivableCertificate.findById(p.certificateId);
        return new WalletPart(p.partId, p.certificateId, c.number, c.core, c.maturity, p.parentId, p.depth, p.holder,
                CertificateViews.amount(p.valueCents), p.state.name(), p.state.chinese + " " + p.state.english, p.recipient, p.splitter,
                p.expiresAt, p.lastChainTxId == null ? null : chainStates.transaction(p.lastChainTxId).orElse(null));
    }

    private static long cents(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }
}

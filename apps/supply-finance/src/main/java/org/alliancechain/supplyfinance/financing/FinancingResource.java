package org.alliancechain.supplyfinance.financing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The financing desk: holders ask for financing and accept a quote; banks see open requests, quote, and record their payment. */
@Path("/api/financings")
@Tag(name = "Financing")
@Produces(MediaType.APPLICATION_JSON)
public class FinancingResource {

    public record FinancingRequest(@NotNull Long partId,
                                   @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal value) {
    }

    public record QuoteRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01 %") @DecimalMax(value = "100", message = "must be at most 100 %")
            BigDecimal annualRate,
            @NotNull @DecimalMin(value = "0.00", message = "cannot be negative") @Digits(integer = 16, fraction = 2) BigDecimal fee,
            boolean recourse,
            @NotNull LocalDate discountDate,
            @NotNull Instant validUntil) {
    }

    public record PaymentRequest(@NotBlank @Size(max = 100) String paymentReference, @NotBlank @Size(max = 100) String crcRegistration) {
    }

    public record RedLetterConsentRequest(
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "\\d{20}", message = "must be the invoice's 20-digit number") String invoiceNumber,
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount) {
    }

    public record QuoteView(long id, String quoteId, String bank, BigDecimal annualRate, BigDecimal fee, boolean recourse, LocalDate discountDate,
                            LocalDate paymentDate, long days, Instant validUntil, BigDecimal face, BigDecimal interest, BigDecimal proceeds,
                            String status, String statusLabel, ChainState chain) {
    }

    public record FinancingView(long id, String financingId, long certificateId, String certificateNumber, String core, LocalDate maturity,
                                long partId, String holder, BigDecimal value, String status, String statusLabel, String bank, Boolean recourse,
                                Instant registeredAt, Long bankPartId, List<PledgeView> pledged, BigDecimal redConsented, ChainState lastStep,
                                List<QuoteView> quotes, org.alliancechain.supplyfinance.risk.RiskSignals.Signals risk) {
    }

    /** What the financing pledges now on one of the certificate's invoices. */
    public record PledgeView(String invoiceNumber, String invoiceId, BigDecimal amount) {
    }

    private final FinancingService service;
    private final Caller caller;
    private final ChainStates chainStates;
    private final org.alliancechain.supplyfinance.risk.RiskSignals risk;

    FinancingResource(FinancingService service, Caller caller, ChainStates chainStates, org.alliancechain.supplyfinance.risk.RiskSignals risk) {
        this.risk = risk;
        this.service = service;
        this.caller = caller;
        this.chainStates = chainStates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supplier")
    @Operation(summary = "Ask the consortium's banks to finance (some of) a part you hold (201): the part is locked until the request is "
            + "withdrawn, or financed")
    public Response request(@Valid @NotNull FinancingRequest request, UriInfo uri) {
        var f = service.request(request.partId(), request.value().movePointRight(2).longValueExact());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(f.id)).build()).entity(view(f)).build();
    }

    @GET
    @RolesAllowed({"supplier", "bank"})
    @Operation(summary = "Your organisation's financings; for a bank also every request open for quotes")
    public List<FinancingView> list() {
        String organisation = caller.requireOrganisation();
        List<Financing> rows = Financing.list("holder = ?1 or bank = ?1 or status = ?2 order by id desc", organisation, Financing.Status.REQUESTED);
        return rows.stream().filter(f -> service.visibleTo(f, organisation)).limit(500).map(this::view).toList();
    }

    @GET
    @Path("/{financingId}")
    @RolesAllowed({"supplier", "bank"})
    @Operation(summary = "A financing with its quotes; another organisation's: 404 (banks see requests open for quotes)")
    public FinancingView get(@PathParam("financingId") long id) {
        return view(service.visible(id, caller.requireOrganisation(), null));
    }

    @POST
    @Path("/{financingId}/quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bank")
    @Operation(summary = "Quote a request (202): annual discount rate, disclosed fee, recourse, discount date and validity; interest and "
            + "proceeds are computed on chain (face × rate × days / 360, half-up to the fen, maturity rolled to a business day)")
    public Response quote(@PathParam("financingId") long id, @Valid @NotNull QuoteRequest request) {
        var q = service.quote(id, new FinancingService.Terms(request.annualRate(), request.fee().movePointRight(2).longValueExact(),
                request.recourse(), request.discountDate(), request.validUntil()));
        return Response.accepted(quoteView(q)).build();
    }

    @POST
    @Path("/{financingId}/quotes/{quoteId}/accept")
    @RolesAllowed("supplier")
    @Operation(summary = "Accept a quote (202): in one transaction the certificate's invoices are re-checked and pledged for the financed value")
    public Response accept(@PathParam("financingId") long id, @PathParam("quoteId") long quoteId) {
        return Response.accepted(view(service.accept(id, quoteId))).build();
    }

    @POST
    @Path("/{financingId}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bank")
    @Operation(summary = "Record that your bank paid the proceeds (202), with the payment reference and the CRC registration number "
            + "(动产融资统一登记); the financed value becomes your bank's part")
    public Response pay(@PathParam("financingId") long id, @Valid @NotNull PaymentRequest request) {
        return Response.accepted(view(service.recordPayment(id, request.paymentReference().strip(), request.crcRegistration().strip()))).build();
    }

    @POST
    @Path("/{financingId}/red-letter-consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bank")
    @Operation(summary = "Consent, as the financing bank, to a red-letter on an invoice this financing pledged (202): your part is reduced by "
            + "the amount on chain and the seller's red-letter for as much is then accepted by the invoice registry")
    public Response consentToRedLetter(@PathParam("financingId") long id, @Valid @NotNull RedLetterConsentRequest request) {
        return Response.accepted(view(service.consentToRedLetter(id, request.invoiceNumber(), request.amount().movePointRight(2).longValueExact())))
                .build();
    }

    @POST
    @Path("/{financingId}/withdraw")
    @RolesAllowed("supplier")
    @Operation(summary = "Withdraw a request no quote was accepted for (202): the part is unlocked")
    public Response withdraw(@PathParam("financingId") long id) {
        return Response.accepted(view(service.withdraw(id))).build();
    }

    private FinancingView view(Financing f) {
        ReceivableCertificate c = ReceivableCertificate.findById(f.certificateId);
        List<QuoteView> quotes = FinancingQuote.<FinancingQuote>list("financingId = ?1 order by id", f.id).stream().map(this::quoteView).toList();
        return new FinancingView(f.id, hex(f.financingId), c.id, c.number, c.core, c.maturity, f.partId, f.holder, amount(f.valueCents),
                f.status.name(), f.status.chinese + " " + f.status.english, f.bank, f.recourse, f.registeredAt, f.bankPartId,
                pledges(f), amount(f.redConsentedCents),
                f.lastChainTxId == null ? null : chainStates.transaction(f.lastChainTxId).orElse(null), quotes, risk.of(f.holder, c.core));
    }

    private static List<PledgeView> pledges(Financing f) {
        var numbers = new java.util.HashMap<String, String>();
        for (var invoice : org.alliancechain.supplyfinance.receivables.CertificateInvoice.<org.alliancechain.supplyfinance.receivables.CertificateInvoice>list(
                "certificateId", f.certificateId)) {
            numbers.put(hex(invoice.invoiceId), invoice.number);
        }
        return f.pledges().entrySet().stream().map(e -> new PledgeView(numbers.get(e.getKey()), e.getKey(), amount(e.getValue()))).toList();
    }

    private QuoteView quoteView(FinancingQuote q) {
        return new QuoteView(q.id, hex(q.quoteId), q.bank, BigDecimal.valueOf(q.annualRateBp, 2), amount(q.feeCents), q.recourse, q.discountDate,
                q.paymentDate, java.time.temporal.ChronoUnit.DAYS.between(q.discountDate, q.paymentDate), q.validUntil, amount(q.faceCents),
                amount(q.interestCents), amount(q.proceedsCents), q.status.name(), q.status.chinese + " " + q.status.english,
                q.chainTxId == null ? null : chainStates.transaction(q.chainTxId).orElse(null));
    }

    private static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : "0x" + HexFormat.of().formatHex(bytes);
    }
}

package org.alliancechain.supplyfinance.settlement;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.supplyfinance.receivables.CertificateViews;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.alliancechain.supplyfinance.receivables.ReceivablePart;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Tag(name = "Settlement and default")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    public record PaymentRequest(@NotNull Long certificateId,
                                 @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                                 @NotBlank @Size(max = 100) String paymentReference) {
    }

    /** One certificate in the calendar of what falls due. */
    public record DueView(long certificateId, String number, String core, String supplier, LocalDate maturity, LocalDate paymentDate,
                          LocalDate lastDayBeforeOverdue, long daysToPayment, BigDecimal outstanding, BigDecimal yourHolding, String status,
                          String statusLabel, boolean payableNow) {
    }

    public record OverdueEventView(String certificateNumber, BigDecimal overdue, Instant markedAt, Instant curedAt, String transactionHash) {
    }

    public record OverdueRecordView(String core, long events, long eventsInSixMonths, BigDecimal overdueBalance, boolean suspended,
                                    List<OverdueEventView> recent) {
    }

    private final SettlementService service;
    private final CertificateViews views;
    private final Caller caller;
    private final ChainClock clock;

    SettlementResource(SettlementService service, CertificateViews views, Caller caller, ChainClock clock) {
        this.service = service;
        this.views = views;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/settlements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("core-enterprise")
    @Operation(summary = "Record your payment of a certificate at or after maturity (202): exactly what is outstanding; the registry then "
            + "settles every holder's part and closes the certificate (also cures an overdue one)")
    public Response pay(@Valid @NotNull PaymentRequest request) {
        var c = service.pay(request.certificateId(), request.amount().movePointRight(2).longValueExact(), request.paymentReference().strip());
        return Response.accepted(views.of(c, false)).build();
    }

    @GET
    @Path("/settlements/calendar")
    @RolesAllowed({"core-enterprise", "supplier", "bank", "operator"})
    @Operation(summary = "What falls due: the unsettled certificates your organisation confirmed or holds a part of, by payment date")
    public List<DueView> calendar() {
        String organisation = caller.requireOrganisation();
        return calendarOf(organisation);
    }

    public List<DueView> calendarOf(String organisation) {
        LocalDate today = clock.today();
        return ReceivableCertificate.visibleTo(organisation, 1000).stream()
                .filter(c -> c.status == ReceivableCertificate.Status.OUTSTANDING || c.status == ReceivableCertificate.Status.OVERDUE
                        || c.status == ReceivableCertificate.Status.SETTLING)
                .sorted(Comparator.comparing((ReceivableCertificate c) -> c.paymentDate).thenComparing(c -> c.number))
                .map(c -> {
                    long holding = ReceivablePart.<ReceivablePart>list("certificateId = ?1 and holder = ?2", c.id, organisation).stream()
                            .mapToLong(p -> p.valueCents).sum();
                    return new DueView(c.id, c.number, c.core, c.supplier, c.maturity, c.paymentDate, service.lastDayBeforeOverdue(c),
                            ChronoUnit.DAYS.between(today, c.paymentDate), amount(c.outstandingCents()), amount(holding), c.status.name(),
                            c.status.chinese + " " + c.status.english,
                            organisation.equals(c.core) && c.status != ReceivableCertificate.Status.SETTLING && !today.isBefore(c.maturity));
                }).toList();
    }

    @GET
    @Path("/disclosures/overdue")
    @RolesAllowed({"core-enterprise", "supplier", "bank", "operator"})
    @Operation(summary = "Every core enterprise's overdue record, disclosed to all members: overdue events ever and in the last six months, "
            + "the unpaid overdue balance, and whether new confirmations are refused (3 or more events in six months with a balance)")
    public List<OverdueRecordView> disclosures() {
        return service.disclosures().stream().map(SettlementResource::view).toList();
    }

    static OverdueRecordView view(SettlementService.OverdueRecord r) {
        return new OverdueRecordView(r.core(), r.events(), r.eventsInSixMonths(), amount(r.overdueBalanceCents()), r.suspended(),
                r.recent().stream().map(e -> new OverdueEventView(
                        ReceivableCertificate.<ReceivableCertificate>findByIdOptional(e.certificateId).map(c -> c.number).orElse("?"),
                        amount(e.overdueCents), e.markedAt, e.curedAt, e.txHash)).toList());
    }

    static BigDecimal amount(long cents) {
        return CertificateViews.amount(cents);
    }
}

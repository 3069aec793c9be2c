package org.alliancechain.supplyfinance.financing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.alliancechain.supplyfinance.receivables.CertificateInvoice;
import org.alliancechain.supplyfinance.receivables.HistoryEntry;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;

/**
 * Projects the financing steps of ReceivableRegistry — requested, quote accepted with its invoice
 * pledges, paid, closed — into {@link Financing} rows and the certificate's history, in chain order.
 */
@ApplicationScoped
public class FinancingLedger implements ChainEventHandler {

    private final FinancingChain chain;

    FinancingLedger(FinancingChain chain) {
        this.chain = chain;
    }

    @Override
    public String stream() {
        return "sf-financing";
    }

    @Override
    public String contract() {
        return chain.registry();
    }

    @Override
    public String event() {
        return events().getFirst();
    }

    @Override
    public List<String> events() {
        return List.of(
                "FinancingRequested(bytes32 indexed financingId, uint256 indexed partId, address indexed holder, uint256 valueCents)",
                "QuoteAccepted(bytes32 indexed financingId, bytes32 indexed quoteId, bytes32 indexed bank, uint64 registeredAt)",
                "FinancingPledged(bytes32 indexed financingId, bytes32 indexed invoiceId, uint256 amountCents)",
                "FinancingPaid(bytes32 indexed financingId, uint256 indexed bankPartId, address indexed bankAccount, bytes32 paymentProofDigest, "
                        + "bytes32 crcRegistrationDigest)",
                "FinancingClosed(bytes32 indexed financingId, uint8 status)",
                "RedLetterConsented(bytes32 indexed financingId, bytes32 indexed invoiceId, uint256 amountCents, uint256 indexed bankPartId)");
    }

    @Override
    public void handle(ChainEvent e) {
        // Requests made through another instance or tool than this service are not ours to show.
        Financing.byFinancingId(e.bytes("financingId")).ifPresent(f -> apply(f, e));
    }

    private static void apply(Financing f, ChainEvent e) {
        switch (e.event()) {
            case "FinancingRequested" -> {
                f.status = Financing.Status.REQUESTED;
                HistoryEntry.record(e, f.certificateId, f.partId, "FINANCING_REQUESTED", f.holder, null, f.valueCents, null);
            }
            case "QuoteAccepted" -> FinancingQuote.byQuoteId(e.bytes("quoteId")).ifPresent(q -> {
                f.status = Financing.Status.ACCEPTED;
                f.bank = q.bank;
                f.quoteId = q.quoteId;
                f.recourse = q.recourse;
                f.registeredAt = Instant.ofEpochSecond(e.number("registeredAt").longValueExact());
                q.status = FinancingQuote.Status.ACCEPTED;
                FinancingQuote.update("status = ?1 where financingId = ?2 and id <> ?3", FinancingQuote.Status.VOID, f.id, q.id);
                HistoryEntry.record(e, f.certificateId, f.partId, "QUOTE_ACCEPTED", f.holder, q.bank, f.valueCents,
                        String.format("%d.%02d %% a year, %s recourse, proceeds ¥%s", q.annualRateBp / 100, q.annualRateBp % 100,
                                q.recourse ? "with" : "without", java.math.BigDecimal.valueOf(q.proceedsCents, 2).toPlainString()));
            });
            case "FinancingPledged" -> {
                f.pledge("0x" + HexFormat.of().formatHex(e.bytes("invoiceId")), e.number("amountCents").longValueExact());
            }
            case "FinancingPaid" -> {
                f.status = Financing.Status.PAID;
                f.bankPartId = e.number("bankPartId").longValueExact();
                HistoryEntry.record(e, f.certificateId, f.bankPartId, "FINANCED", f.bank, f.holder, f.valueCents, "the bank paid the proceeds");
            }
            case "FinancingClosed" -> {
                f.status = Financing.Status.ofChain(e.number("status").intValueExact());
                HistoryEntry.record(e, f.certificateId, f.partId, "FINANCING_" + f.status.name(), f.holder, f.bank, f.valueCents, f.status.english);
            }
            case "RedLetterConsented" -> {
                long amount = e.number("amountCents").longValueExact();
                f.redConsentedCents += amount;
                f.pledge("0x" + HexFormat.of().formatHex(e.bytes("invoiceId")), -amount);
                ReceivableCertificate.<ReceivableCertificate>findByIdOptional(f.certificateId).ifPresent(c -> c.reducedCents += amount);
                String invoice = CertificateInvoice.<CertificateInvoice>find("certificateId = ?1 and invoiceId = ?2", f.certificateId, e.bytes("invoiceId"))
                        .firstResultOptional().map(i -> i.number).orElse("0x" + HexFormat.of().formatHex(e.bytes("invoiceId")));
                HistoryEntry.record(e, f.certificateId, f.bankPartId, "RED_LETTER_CONSENTED", f.bank, f.holder, amount,
                        "the bank consented to a red-letter on invoice " + invoice + "; its part reduced by as much");
            }
            default -> throw new IllegalStateException("FinancingLedger does not follow " + e.event());
        }
    }
}

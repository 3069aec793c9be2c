package org.alliancechain.supplyfinance.receivables;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** Every API record of certificates: the certificate, its invoices, its parts (the split tree) and its history. */
@ApplicationScoped
public class CertificateViews {

    public record CertificateView(long id, String number, String confirmationId, String core, String supplier, BigDecimal face,
                                  LocalDate maturity, LocalDate paymentDate, boolean longTenor, boolean sme, LocalDate deliveryDate,
                                  boolean smeTermExceeded, String poNumber, String status, String statusLabel, BigDecimal settled,
                                  BigDecimal reducedByRedLetters, String recordDigest, ChainState chain, Instant confirmedAt,
                                  List<InvoiceView> invoices, List<PartView> parts, List<HistoryView> history) {
    }

    public record InvoiceView(String kind, String number, String invoiceId) {
    }

    public record PartView(long partId, Long parentId, int depth, String holder, BigDecimal value, String state, String stateLabel,
                           String recipient, String splitter, Instant expiresAt) {
    }

    public record HistoryView(String kind, Long partId, String actor, String counterparty, BigDecimal amount, String detail, String transactionHash,
                              long blockNumber) {
    }

    private final ChainStates chainStates;

    CertificateViews(ChainStates chainStates) {
        this.chainStates = chainStates;
    }

    public CertificateView of(ReceivableCertificate c, boolean withDetail) {
        ChainState chain = chainStates.transaction(c.chainTxId).orElse(null);
        var status = c.status;
        if (status == ReceivableCertificate.Status.PENDING && chain != null && chain.phase() == ChainState.Phase.FAILED) {
            status = ReceivableCertificate.Status.REFUSED;
        }
        List<InvoiceView> invoices = withDetail ? c.invoices().stream()
                .map(i -> new InvoiceView(i.kind, i.number, "0x" + java.util.HexFormat.of().formatHex(i.invoiceId))).toList() : List.of();
        // Columns, not entities: a tree of ten thousand parts and its history are read without managing (and dirty-checking) them.
        List<PartView> parts = withDetail ? ReceivablePart.getEntityManager().createQuery("""
                select p.partId, p.parentId, p.depth, p.holder, p.valueCents, p.state, p.recipient, p.splitter, p.expiresAt
                from ReceivablePart p where p.certificateId = ?1 order by p.partId""", Object[].class).setParameter(1, c.id).getResultList().stream()
                .map(r -> {
                    var shown = ReceivablePart.shown((ReceivablePart.State) r[5], c);
                    return new PartView((Long) r[0], (Long) r[1], (Short) r[2], (String) r[3], amount((Long) r[4]), shown.name(),
                            shown.chinese + " " + shown.english, (String) r[6], (String) r[7], (Instant) r[8]);
                }).toList() : List.of();
        List<HistoryView> history = withDetail ? HistoryEntry.getEntityManager().createQuery("""
                select h.kind, h.partId, h.actor, h.counterparty, h.amountCents, h.detail, h.txHash, h.blockNumber
                from HistoryEntry h where h.certificateId = ?1 order by h.blockNumber, h.logIndex""", Object[].class).setParameter(1, c.id)
                .getResultList().stream().map(r -> new HistoryView((String) r[0], (Long) r[1], (String) r[2], (String) r[3],
                        r[4] == null ? null : amount((Long) r[4]), (String) r[5], (String) r[6], (Long) r[7])).toList() : List.of();
        boolean smeTermExceeded = c.sme && c.deliveryDate != null && c.maturity.isAfter(c.deliveryDate.plusDays(60));
        return new CertificateView(c.id, c.number, "0x" + java.util.HexFormat.of().formatHex(c.confirmationId), c.core, c.supplier,
                amount(c.faceCents), c.maturity, c.paymentDate, c.longTenor, c.sme, c.deliveryDate, smeTermExceeded, c.poNumber, status.name(),
                status.chinese + " " + status.english, amount(c.settledCents), amount(c.reducedCents), c.record.digest, chain, c.confirmedAt,
                invoices, parts, history);
    }

    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}

package org.alliancechain.supplyfinance.risk;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.supplyfinance.settlement.SettlementService;

/**
 * What the other ledgers of the consortium tell a bank about a financing request, all from the chain:
 * the supplier's red-letter rate on the invoices it issued (InvoiceRegistry), the core enterprise's
 * overdue record (ReceivableRegistry, the disclosure every member sees) and the arbitration cases on
 * file against the core enterprise or by the supplier (CaseRegistry).
 */
@ApplicationScoped
public class RiskSignals {

    /** The signals for one request: supplier × core enterprise. */
    public record Signals(String supplier, long supplierInvoices, long supplierInvoicesRedLettered, BigDecimal supplierRedLetterRate,
                          String core, long coreOverdueEvents, long coreOverdueInSixMonths, BigDecimal coreOverdueBalance, boolean coreSuspended,
                          long disputesAgainstCore, long disputesBySupplier, String level) {
    }

    private final SettlementService settlement;

    RiskSignals(SettlementService settlement) {
        this.settlement = settlement;
    }

    public Signals of(String supplier, String core) {
        byte[] seller = ChainIds.memberId(supplier);
        Object[] invoices = (Object[]) Panache.getEntityManager().createNativeQuery("""
                select count(*), count(*) filter (where remaining_cents < total_cents),
                       coalesce(sum(total_cents), 0), coalesce(sum(total_cents - remaining_cents), 0)
                from sf_invoice where seller_member = ?1""").setParameter(1, seller).getSingleResult();
        long count = ((Number) invoices[0]).longValue();
        long redLettered = ((Number) invoices[1]).longValue();
        long total = ((Number) invoices[2]).longValue();
        long red = ((Number) invoices[3]).longValue();
        BigDecimal rate = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(red).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        var record = settlement.recordOf(core);
        long against = DisputesOnFile.against(ChainIds.memberId(core));
        long by = DisputesOnFile.by(seller);
        String level = record.suspended() || record.overdueBalanceCents() > 0 ? "HIGH"
                : record.eventsInSixMonths() > 0 || against > 0 || rate.compareTo(BigDecimal.TEN) > 0 ? "ELEVATED" : "NORMAL";
        return new Signals(supplier, count, redLettered, rate, core, record.events(), record.eventsInSixMonths(),
                BigDecimal.valueOf(record.overdueBalanceCents(), 2), record.suspended(), against, by, level);
    }
}

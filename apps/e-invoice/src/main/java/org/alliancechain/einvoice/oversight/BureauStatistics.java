package org.alliancechain.einvoice.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.alliancechain.einvoice.issuers.IssuerService;

/**
 * The tax bureau's oversight figures over the issuers it authorised, as SQL aggregates of this
 * service's projection of InvoiceRegistry: per issuer and month the blue and the red invoices apart
 * (count, amount excluding tax, tax); per issuer the red-letter rate and the duplicate
 * reimbursements the chain refused. Invoices the chain refused are not counted; invoices still on
 * their way to the chain are.
 */
@ApplicationScoped
public class BureauStatistics {

    /**
     * One issuer's invoices of one month ({@code yyyy-MM}, by issue date). Red amounts are as the red
     * invoices carry them (negative).
     */
    public record MonthFigures(String organisation, String month, long blueCount, BigDecimal blueAmount, BigDecimal blueTax,
                               long redCount, BigDecimal redAmount, BigDecimal redTax) {
    }

    /**
     * One issuer of the bureau with all its invoices.
     *
     * @param redLetteredCount    blue invoices offset, partly or fully, by red-letter invoices
     * @param redLetterRate       redLetteredCount ÷ blueCount (0 without blue invoices), a fraction with 4 decimals
     * @param redLetteredAmount   Σ (total − remaining) of the blue invoices: what red invoices took back, incl. tax
     * @param redLetterAmountRate redLetteredAmount ÷ blueTotal, a fraction with 4 decimals
     * @param refusedDuplicates   reimbursements and bookings of its invoices the chain refused because another member had
     *                            reimbursed or booked the invoice first (ALREADY_REIMBURSED, ALREADY_BOOKED_ELSEWHERE)
     */
    public record IssuerFigures(String organisation, String name, String status, long blueCount, BigDecimal blueAmount,
                                BigDecimal blueTax, BigDecimal blueTotal, long redCount, BigDecimal redTotal, long redLetteredCount,
                                BigDecimal redLetterRate, BigDecimal redLetteredAmount, BigDecimal redLetterAmountRate,
                                long refusedDuplicates) {
    }

    /** All of the bureau's figures at once (what the oversight page shows). */
    public record Figures(String bureau, List<IssuerFigures> issuers, List<MonthFigures> months) {
    }

    private final EntityManager em;
    private final IssuerService issuers;

    BureauStatistics(EntityManager em, IssuerService issuers) {
        this.em = em;
        this.issuers = issuers;
    }

    @Transactional
    public Figures figures() {
        String bureau = issuers.requireBureau();
        return new Figures(bureau, issuers(bureau), months(bureau));
    }

    /** Per issuer of the caller's bureau and month. */
    @Transactional
    public List<MonthFigures> months() {
        return months(issuers.requireBureau());
    }

    /** Per issuer of the caller's bureau. */
    @Transactional
    public List<IssuerFigures> issuers() {
        return issuers(issuers.requireBureau());
    }

    @SuppressWarnings("unchecked")
    private List<MonthFigures> months(String bureau) {
        List<Object[]> rows = em.createNativeQuery("""
                select i.seller, to_char(i.issue_date, 'YYYY-MM') as month,
                       count(*) filter (where not i.red),
                       coalesce(sum(i.total_excl_tax) filter (where not i.red), 0),
                       coalesce(sum(i.total_tax) filter (where not i.red), 0),
                       count(*) filter (where i.red),
                       coalesce(sum(i.total_excl_tax) filter (where i.red), 0),
                       coalesce(sum(i.total_tax) filter (where i.red), 0)
                from einv_invoice i join einv_issuer s on s.organisation = i.seller
                where s.bureau = ?1 and i.chain_refusal is null
                group by i.seller, month
                order by month, i.seller
                """).setParameter(1, bureau).getResultList();
        return rows.stream().map(r -> new MonthFigures((String) r[0], (String) r[1], count(r[2]), money(r[3]), money(r[4]), count(r[5]),
                money(r[6]), money(r[7]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<IssuerFigures> issuers(String bureau) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.organisation, t.name, s.status,
                       count(i.id) filter (where not i.red),
                       coalesce(sum(i.total_excl_tax) filter (where not i.red), 0),
                       coalesce(sum(i.total_tax) filter (where not i.red), 0),
                       coalesce(sum(i.total) filter (where not i.red), 0),
                       count(i.id) filter (where i.red),
                       coalesce(sum(i.total) filter (where i.red), 0),
                       count(i.id) filter (where not i.red and i.remaining < i.total),
                       coalesce(sum(i.total - i.remaining) filter (where not i.red), 0),
                       (select count(*) from einv_claim c join einv_invoice ci on ci.id = c.invoice_id
                         where ci.seller = s.organisation and c.status = 'REFUSED' and c.refusal in ('ALREADY_REIMBURSED', 'ALREADY_BOOKED_ELSEWHERE'))
                from einv_issuer s
                join einv_taxpayer t on t.organisation = s.organisation
                left join einv_invoice i on i.seller = s.organisation and i.chain_refusal is null
                where s.bureau = ?1
                group by s.organisation, t.name, s.status
                order by s.organisation
                """).setParameter(1, bureau).getResultList();
        return rows.stream().map(r -> {
            long blue = count(r[3]);
            BigDecimal blueTotal = money(r[6]);
            long redLettered = count(r[9]);
            BigDecimal redLetteredAmount = money(r[10]);
            return new IssuerFigures((String) r[0], (String) r[1], (String) r[2], blue, money(r[4]), money(r[5]), blueTotal, count(r[7]),
                    money(r[8]), redLettered, rate(BigDecimal.valueOf(redLettered), BigDecimal.valueOf(blue)), redLetteredAmount,
                    rate(redLetteredAmount, blueTotal), count(r[11]));
        }).toList();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        var amount = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}

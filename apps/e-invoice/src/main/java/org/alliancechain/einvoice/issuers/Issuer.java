package org.alliancechain.einvoice.issuers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.problem.ProblemException;

/**
 * A taxpayer authorised by its bureau to issue invoices of some kinds within a quota (授信额度) per
 * calendar month in China Standard Time, until suspended. InvoiceRegistry holds the same authorisation: an issue it would refuse is
 * refused here first, with a reason the issuer can act on.
 */
@Entity
@Table(name = "einv_issuer")
public class Issuer extends PanacheEntityBase {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String organisation;

    public String bureau;

    /** Bit (1 << kind's chain code) per kind allowed, as InvoiceRegistry's kindMask. */
    public int kinds;

    public BigDecimal quota;

    /** Σ totals (incl. tax) of the blue invoices issued in {@link #usedPeriod}. */
    public BigDecimal used;

    /** The quota period {@link #used} counts, e.g. "2026-12": a calendar month in China Standard Time, as InvoiceRegistry counts it. */
    @Column(name = "used_period")
    public String usedPeriod;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    /** The issuer's last chain write: the next one follows it, so the chain sees the bureau's steps in order. */
    @Column(name = "last_chain_tx_id")
    public Long lastChainTxId;

    @Column(name = "authorised_at")
    public Instant authorisedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static int mask(Set<InvoiceKind> kinds) {
        int mask = 0;
        for (var kind : kinds) {
            mask |= 1 << kind.chainCode();
        }
        return mask;
    }

    public Set<InvoiceKind> kindSet() {
        var set = EnumSet.noneOf(InvoiceKind.class);
        for (var kind : InvoiceKind.values()) {
            if (kind.issuable() && (kinds & (1 << kind.chainCode())) != 0) {
                set.add(kind);
            }
        }
        return set;
    }

    /** The quota period of an instant: its calendar month in China Standard Time. */
    public static String period(Instant at) {
        return java.time.YearMonth.from(at.atZone(org.alliancechain.service.numbering.YearlySequences.ZONE)).toString();
    }

    /** What this issuer used in {@code period}: nothing yet when its last issue was in an earlier month. */
    public BigDecimal usedIn(String period) {
        return period.equals(usedPeriod) ? used : BigDecimal.ZERO.setScale(2);
    }

    public BigDecimal quotaLeft(String period) {
        return quota.subtract(usedIn(period)).max(BigDecimal.ZERO);
    }

    /** Counts {@code amount} against the quota of {@code period}. */
    public void use(BigDecimal amount, String period) {
        used = usedIn(period).add(amount);
        usedPeriod = period;
    }

    /**
     * Refuses issuing {@code amount} of {@code kind} in {@code period} unless this issuer is active, allowed the kind and
     * within that month's quota.
     */
    public void requireCanIssue(InvoiceKind kind, BigDecimal amount, String period) {
        if (status != Status.ACTIVE) {
            throw new ProblemException(Response.Status.FORBIDDEN, "your organisation's issuing is suspended by " + bureau
                    + (suspensionReason == null ? "" : ": " + suspensionReason) + " (开票已被暂停)");
        }
        if (!kindSet().contains(kind)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "your organisation is not authorised to issue "
                    + label(kind) + "; it may issue " + kindSet().stream().map(Issuer::label).toList(), "kind");
        }
        if (usedIn(period).add(amount).compareTo(quota) > 0) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "issuing " + amount.toPlainString()
                    + " would exceed your organisation's quota for " + period + ": " + quotaLeft(period).toPlainString() + " of "
                    + quota.toPlainString() + " left (超出本月授信额度)", "total");
        }
    }

    public static String label(InvoiceKind kind) {
        return kind.labelZh() + " " + kind.labelEn();
    }

    public Issuer touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return this;
    }
}

package org.alliancechain.supplyfinance.financing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A bank's quote for a financing request, priced here and again on chain by FinancingQuotes (the chain's figures are kept). */
@Entity
@Table(name = "sf_quote")
public class FinancingQuote extends PanacheEntityBase {

    public enum Status {
        PENDING("待上链", "pending on chain"), OFFERED("有效报价", "offered"), ACCEPTED("已接受", "accepted"), VOID("失效", "void");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "quote_id")
    public byte[] quoteId;

    @Column(name = "financing_id")
    public Long financingId;

    public String bank;

    @Column(name = "annual_rate_bp")
    public int annualRateBp;

    @Column(name = "fee_cents")
    public long feeCents;

    public boolean recourse;

    @Column(name = "discount_date")
    public LocalDate discountDate;

    @Column(name = "payment_date")
    public LocalDate paymentDate;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "face_cents")
    public long faceCents;

    @Column(name = "interest_cents")
    public long interestCents;

    @Column(name = "proceeds_cents")
    public long proceedsCents;

    @Column(name = "quote_hash")
    public byte[] quoteHash;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "quoted_by")
    public String quotedBy;

    @Column(name = "quoted_at")
    public Instant quotedAt;

    public static Optional<FinancingQuote> byQuoteId(byte[] quoteId) {
        return find("quoteId", (Object) quoteId).firstResultOptional();
    }
}

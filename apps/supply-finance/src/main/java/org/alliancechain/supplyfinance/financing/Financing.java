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
import java.util.Optional;

/** A holder's request to finance (some of) a part, and what became of it: the accepted quote, the pledges, the bank's payment. */
@Entity
@Table(name = "sf_financing")
public class Financing extends PanacheEntityBase {

    /** PENDING until the request is mined; then IReceivableRegistry.FinancingStatus; REFUSED when the chain refused the request. */
    public enum Status {
        PENDING("待上链", "pending on chain"), REQUESTED("询价中", "open for quotes"), ACCEPTED("已接受报价，待放款", "quote accepted, awaiting payment"),
        PAID("已放款", "paid"), WITHDRAWN("已撤回", "withdrawn"), CANCELLED("未放款已取消", "cancelled unpaid"), LAPSED("到期失效", "lapsed at settlement"),
        REPAID("已兑付", "repaid at maturity"), REFUSED("链上拒绝", "refused by the chain");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        /** The registry's FinancingStatus code (None, Requested, Accepted, Paid, Withdrawn, Cancelled, Lapsed, Repaid). */
        static Status ofChain(int code) {
            return new Status[] {PENDING, REQUESTED, ACCEPTED, PAID, WITHDRAWN, CANCELLED, LAPSED, REPAID}[code];
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "financing_id")
    public byte[] financingId;

    @Column(name = "certificate_id")
    public Long certificateId;

    @Column(name = "part_id")
    public Long partId;

    public String holder;

    @Column(name = "value_cents")
    public long valueCents;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String bank;

    @Column(name = "quote_id")
    public byte[] quoteId;

    public Boolean recourse;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "bank_part_id")
    public Long bankPartId;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "crc_registration")
    public String crcRegistration;

    /** The pledges the accepted quote made, one line per invoice: "0x<invoice id> <cents>". */
    public String pledged;

    /** What the bank consented to red-letters on the pledged invoices (its part reduced by as much). */
    @Column(name = "red_consented_cents")
    public long redConsentedCents;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    /** What the financing pledges now on each invoice (0x id, lower case → cents), in pledge order. */
    public java.util.LinkedHashMap<String, Long> pledges() {
        var map = new java.util.LinkedHashMap<String, Long>();
        if (pledged != null) {
            for (String line : pledged.split("\n")) {
                String[] parts = line.split(" ");
                map.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
            }
        }
        return map;
    }

    /** Records a pledge change the registry made on one invoice. */
    public void pledge(String invoiceIdHex, long deltaCents) {
        var map = pledges();
        map.merge(invoiceIdHex, deltaCents, Long::sum);
        var lines = new StringBuilder();
        map.forEach((id, cents) -> lines.append(lines.isEmpty() ? "" : "\n").append(id).append(' ').append(cents));
        pledged = lines.toString();
    }

    @Column(name = "last_chain_tx_id")
    public Long lastChainTxId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    public static Optional<Financing> byFinancingId(byte[] financingId) {
        return find("financingId", (Object) financingId).firstResultOptional();
    }
}

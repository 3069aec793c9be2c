package org.alliancechain.einvoice.issuers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One change of an issuer's authorisation by its bureau, with the chain write that records it. */
@Entity
@Table(name = "einv_issuer_change")
public class IssuerChange extends PanacheEntityBase {

    public enum Kind { AUTHORISED, LIMITS_CHANGED, SUSPENDED, REINSTATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "issuer_id")
    public Long issuerId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind change;

    public String detail;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static List<IssuerChange> of(long issuerId) {
        return list("issuerId = ?1 order by id", issuerId);
    }
}

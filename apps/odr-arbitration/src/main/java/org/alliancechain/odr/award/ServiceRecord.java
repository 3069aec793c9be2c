package org.alliancechain.odr.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Service of the award on one party: made available when issued, opened when the party first downloads it. */
@Entity
@Table(name = "odr_service")
@IdClass(ServiceRecord.Key.class)
public class ServiceRecord extends PanacheEntityBase {

    public record Key(Long caseId, String party) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Id
    public String party;

    @Column(name = "made_available_at", nullable = false)
    public Instant madeAvailableAt;

    @Column(name = "made_available_tx_id")
    public Long madeAvailableTxId;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_tx_id")
    public Long openedTxId;
}

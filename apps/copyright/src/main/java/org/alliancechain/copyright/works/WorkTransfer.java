package org.alliancechain.copyright.works;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A transfer of the rights in a work from its holder to another rights-holder member: asked for here
 * ({@link Status#PENDING}, written to WorkRegistry through the outbox), done when WorkRegistry's
 * {@code RightsTransferred} is projected ({@link WorkLedger}), which also moves the work to the new
 * holder. It concerns two organisations, so it is read through its work (the current holder's), never
 * listed by organisation.
 */
@Entity
@Table(name = "cr_work_transfer")
public class WorkTransfer extends PanacheEntityBase {

    public enum Status {
        PENDING("转让中", "being transferred"), TRANSFERRED("已转让", "transferred");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cr_work_transfer_seq")
    @SequenceGenerator(name = "cr_work_transfer_seq", sequenceName = "cr_work_transfer_seq", allocationSize = 50)
    public Long id;

    @Column(name = "work_id")
    public Long workId;

    @Column(name = "content_digest")
    public byte[] contentDigest;

    @Column(name = "from_organisation")
    public String fromOrganisation;

    @Column(name = "to_organisation")
    public String toOrganisation;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "transferred_block")
    public Long transferredBlock;

    @Column(name = "transferred_tx")
    public String transferredTx;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;
}

package org.alliancechain.odr.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A panel member's vote on the draft award (the presiding arbitrator's draft counts as their approval). */
@Entity
@Table(name = "odr_award_vote")
@IdClass(AwardVote.Key.class)
public class AwardVote extends PanacheEntityBase {

    public record Key(Long caseId, String arbitrator) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Id
    public String arbitrator;

    @Column(nullable = false)
    public boolean approve;

    public String note;

    @Column(name = "voted_at", nullable = false)
    public Instant votedAt;
}

package org.alliancechain.odr.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A time limit of a case: the respondent's answer, the evidence period, the award. */
@Entity
@Table(name = "odr_deadline")
@IdClass(Deadline.Key.class)
public class Deadline extends PanacheEntityBase {

    public enum Kind {
        ANSWER("答辩期限", "Answer"),
        EVIDENCE("举证期限", "Evidence period"),
        AWARD("裁决期限", "Award");

        public final String chinese;
        public final String english;

        Kind(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    public record Key(Long caseId, Kind kind) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Id
    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "met_at")
    public Instant metAt;

    @Column(name = "overdue_flagged_at")
    public Instant overdueFlaggedAt;

    public static List<Deadline> of(long caseId) {
        return list("caseId = ?1 order by dueAt", caseId);
    }

    public static Optional<Deadline> of(long caseId, Kind kind) {
        return findByIdOptional(new Key(caseId, kind));
    }

    public boolean overdue(Instant now) {
        return metAt == null && now.isAfter(dueAt);
    }
}

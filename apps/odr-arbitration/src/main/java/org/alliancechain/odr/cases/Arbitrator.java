package org.alliancechain.odr.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** A member of a case's tribunal (a user of the commission with the arbitrator role). */
@Entity
@Table(name = "odr_arbitrator")
@IdClass(Arbitrator.Key.class)
public class Arbitrator extends PanacheEntityBase {

    public record Key(Long caseId, String username) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Id
    public String username;

    @Column(nullable = false)
    public boolean presiding;

    @Column(nullable = false)
    public int position;

    public static List<Arbitrator> of(long caseId) {
        return list("caseId = ?1 order by position", caseId);
    }
}

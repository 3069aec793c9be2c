package org.alliancechain.odr.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One step in a case's timeline: who took it, when, and the chain write or notarisation recording it. */
@Entity
@Table(name = "odr_case_event")
public class CaseEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public Long caseId;

    @Column(nullable = false)
    public String step;

    public String actor;

    public String organisation;

    public String detail;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "notarisation_item_id")
    public Long notarisationItemId;

    @Column(nullable = false)
    public Instant at;

    /** Whether the case's timeline holds the step (e.g. an award drafted), at least once. */
    public static boolean reached(long caseId, Step step) {
        return count("caseId = ?1 and step = ?2", caseId, step.name()) > 0;
    }

    public static List<CaseEvent> of(long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}

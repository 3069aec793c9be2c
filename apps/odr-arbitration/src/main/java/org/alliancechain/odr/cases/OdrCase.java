package org.alliancechain.odr.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.problem.ProblemException;

/**
 * An arbitration case. Shared by three organisations (claimant, respondent, commission), so it is
 * read and changed only through {@link CaseAccess}, never by id alone.
 */
@Entity
@Table(name = "odr_case")
public class OdrCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, updatable = false)
    public String caseNumber;

    /** The case's id in CaseRegistry: keccak256 of the case number, or of the filing app's case number for a case filed on chain. */
    @Column(name = "case_id", nullable = false, updatable = false)
    public byte[] chainCaseId;

    @Column(nullable = false, updatable = false)
    public String commission;

    @Column(nullable = false, updatable = false)
    public String claimant;

    @Column(nullable = false, updatable = false)
    public String respondent;

    @Column(name = "filed_by", nullable = false, updatable = false)
    public String filedBy;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String claim;

    public BigDecimal amount;

    public String currency;

    @Column(name = "agreement_reference", nullable = false)
    public String agreementReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** SOLE or PANEL once the clerk has formed the tribunal. */
    public String tribunal;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "answer_text")
    public String answerText;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    /**
     * The filing record: its digest is the case hash recorded in CaseRegistry by {@code fileCase}
     * (so the record is time-stamped but not notarised: its notarisation item stays null).
     */
    @Embedded
    @AttributeOverride(name = "digest", column = @Column(name = "case_hash"))
    public AttestedRecord record;

    /** Where the case was filed: {@code ODR} (this service's API) or {@code CHAIN} (by another app, projected from CaseRegistry). */
    @Column(name = "filed_through", nullable = false, updatable = false)
    public String filedThrough = FILED_THROUGH_ODR;

    public static final String FILED_THROUGH_ODR = "ODR";
    public static final String FILED_THROUGH_CHAIN = "CHAIN";

    /** The filing's transaction (0x…) and block, for a case filed on chain by another app. */
    @Column(name = "filing_transaction", updatable = false)
    public String filingTransaction;

    @Column(name = "filing_block", updatable = false)
    public Long filingBlock;

    /** The case hash on chain of a case filed by another app: the claim statement's digest (hex). */
    @Column(name = "claim_digest", updatable = false)
    public String claimDigest;

    /** The case's latest chain write: the next one is sent only after it (steps stay in order across keys). */
    @Column(name = "last_chain_tx_id")
    public Long lastChainTxId;

    @Column(name = "filed_at", nullable = false, updatable = false)
    public Instant filedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** The case with this id in CaseRegistry, if this service has it. */
    public static java.util.Optional<OdrCase> byChainId(byte[] chainCaseId) {
        return find("chainCaseId", chainCaseId).firstResultOptional();
    }

    /** The side an organisation is on in this case, or null when it is none of the three. */
    public Side sideOf(String organisation) {
        if (organisation == null) {
            return null;
        }
        if (organisation.equals(commission)) {
            return Side.COMMISSION;
        }
        if (organisation.equals(claimant)) {
            return Side.CLAIMANT;
        }
        return organisation.equals(respondent) ? Side.RESPONDENT : null;
    }

    public String organisationOf(Side side) {
        return switch (side) {
            case CLAIMANT -> claimant;
            case RESPONDENT -> respondent;
            case COMMISSION -> commission;
        };
    }

    /** Refuses an action unless the case is in one of the allowed states (409, naming the state in both languages). */
    public void requireStatus(String action, CaseStatus... allowed) {
        for (var s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw invalidStep(action);
    }

    /** The refusal of an action the case's state does not allow (409). */
    public ProblemException invalidStep(String action) {
        return new ProblemException(Response.Status.CONFLICT, "case " + caseNumber + " is " + status.english.toLowerCase()
                + " (" + status.chinese + "): you cannot " + action + " now");
    }

    /** Marks the case changed now (its list order and the pages' "updated" column). */
    public OdrCase touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return this;
    }
}

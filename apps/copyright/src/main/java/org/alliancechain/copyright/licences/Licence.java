package org.alliancechain.copyright.licences;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.tenancy.OrganisationOwned;

/**
 * A licence a rights holder (the owning organisation) granted another member for one of its works:
 * the uses and channels, the territory and the period, the terms whose digest LicenceRegistry holds.
 * Revoked from a time on, never edited; LicenceRegistry keeps every version for "as of" answers.
 */
@Entity
@Table(name = "cr_licence")
public class Licence extends OrganisationOwned {

    public enum Status {
        PENDING("授权登记中", "being granted"), GRANTED("已授权", "granted"), REVOKING("撤销中", "being revoked"), REVOKED("已撤销", "revoked");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cr_licence_seq")
    @SequenceGenerator(name = "cr_licence_seq", sequenceName = "cr_licence_seq", allocationSize = 50)
    public Long id;

    @Column(name = "work_id")
    public Long workId;

    @Column(name = "chain_licence_id")
    public byte[] chainLicenceId;

    public String licensee;

    /** LicenceRegistry's bitmask ({@link LicenceUses}). */
    public int uses;

    public String territory;

    @Column(name = "valid_from")
    public Instant validFrom;

    /** Null: no end. */
    @Column(name = "valid_until")
    public Instant validUntil;

    public String terms;

    @Embedded
    public AttestedRecord record;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "granted_block")
    public Long grantedBlock;

    @Column(name = "granted_tx")
    public String grantedTx;

    @Column(name = "revoke_tx_id")
    public Long revokeTxId;

    @Column(name = "revoked_effective_at")
    public Instant revokedEffectiveAt;

    @Column(name = "revoked_block")
    public Long revokedBlock;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /** When the licence ends: its period's end, or its revocation's effective time if earlier. */
    public Instant endsAt() {
        if (revokedEffectiveAt != null && (validUntil == null || revokedEffectiveAt.isBefore(validUntil))) {
            return revokedEffectiveAt;
        }
        return validUntil;
    }

    /** Whether its period, as far as it goes, meets [from, until) (null until: no end). */
    public boolean overlaps(Instant from, Instant until) {
        Instant end = endsAt();
        boolean startsBeforeOtherEnds = until == null || validFrom.isBefore(until);
        boolean otherStartsBeforeThisEnds = end == null || from.isBefore(end);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}

package org.alliancechain.copyright.works;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.tenancy.OrganisationOwned;

/**
 * A registered work of a rights holder: the submitted text or image as it was given, the digest
 * that is its id in WorkRegistry, its fingerprint (what near copies are matched against) and the
 * registration record that was time-stamped and notarised. The chain decides whether this content
 * was registered first: {@link Status#REFUSED} names the member that was.
 */
@Entity
@Table(name = "cr_work")
public class Work extends OrganisationOwned {

    public enum Kind { TEXT, IMAGE }

    public enum Status {
        PENDING("登记中", "being registered"), REGISTERED("已登记", "registered"), REFUSED("已拒绝（他人先登记）", "refused: registered before by another member");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cr_work_seq")
    @SequenceGenerator(name = "cr_work_seq", sequenceName = "cr_work_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String title;

    /** One author per line. */
    public String authors;

    @Column(name = "claimed_published_at")
    public Instant claimedPublishedAt;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "file_name")
    public String fileName;

    /** The submitted bytes; loaded only when asked for (lists never need them). */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "content_digest")
    public byte[] contentDigest;

    /**
     * The serialised fingerprint ({@link WorkFingerprints}) — after its header when {@link #fingerprintHeader} names one
     * ({@link FingerprintHeaders}); loaded only to rebuild the index.
     */
    @Basic(fetch = FetchType.LAZY)
    public byte[] fingerprint;

    /**
     * The token of the batch this work was time-stamped with, stored once (V5063, V5064:
     * {@link org.alliancechain.service.attest.TimeStampTokens}): {@code record}'s {@code timestampToken} then holds its
     * evidence record's bytes before that token — read the stamp through {@link #stamp}. Null when the row holds the whole
     * stamp.
     */
    @Column(name = "timestamp_token_id")
    public Long timestampTokenId;

    /** What this work's row stores of its stamp, set when it is inserted ({@code TimeStampTokens.share}). */
    @jakarta.persistence.Transient
    byte[] storedStamp;

    /** The text fingerprint header {@link #fingerprint} follows (cr_fingerprint_header), or null when it holds the whole record. */
    @Column(name = "fingerprint_header")
    public Integer fingerprintHeader;

    @Column(name = "fingerprint_digest")
    public byte[] fingerprintDigest;

    public String iscc;

    @Embedded
    public AttestedRecord record;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "registered_block")
    public Long registeredBlock;

    @Column(name = "registered_tx")
    public String registeredTx;

    /** The log index of WorkRegistered in {@link #registeredTx}: what an arbitration filing cites. */
    @Column(name = "registered_log")
    public Integer registeredLog;

    @Column(name = "first_holder")
    public String firstHolder;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public List<String> authorList() {
        return authors == null || authors.isEmpty() ? List.of() : Arrays.asList(authors.split("\n"));
    }

    public String contentDigestHex() {
        return java.util.HexFormat.of().formatHex(contentDigest);
    }

    /** This work's time-stamp as it was made (an RFC 3161 token or an RFC 4998 evidence record), its shared token joined again. */
    public byte[] stamp(org.alliancechain.service.attest.TimeStampTokens tokens) {
        return tokens.stampOf(record.timestampToken, timestampTokenId);
    }

    /** When this work was time-stamped (its token's generation time). */
    public java.util.Optional<java.time.Instant> stampedAt(org.alliancechain.service.attest.TimeStampTokens tokens) {
        return tokens.timeOf(record.timestampToken, timestampTokenId);
    }
}

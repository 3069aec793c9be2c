package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** What the API answers about works. */
@ApplicationScoped
public class WorkViews {

    /**
     * A work as its holder sees it: what was registered, the digests anchored, and where it stands —
     * {@code registration} is WorkRegistry's write, {@code record} the registration record's anchoring.
     */
    public record WorkView(long id, String kind, String title, List<String> authors, Instant claimedPublishedAt, String sourceUrl,
                           String mediaType, String fileName, String holder, String contentDigest, String fingerprintDigest, String iscc,
                           String recordDigest, String status, String statusLabel, Long registeredBlock, String registeredTransaction,
                           String firstHolder, ChainState registration, ChainState record, Instant createdAt, String createdBy) {
    }

    private final ChainStates states;

    WorkViews(ChainStates states) {
        this.states = states;
    }

    public WorkView of(Work w) {
        return new WorkView(w.id, w.kind.name(), w.title, w.authorList(), w.claimedPublishedAt, w.sourceUrl, w.mediaType, w.fileName,
                w.organisation, w.contentDigestHex(), HexFormat.of().formatHex(w.fingerprintDigest), w.iscc, w.record.digest, w.status.name(),
                w.status.chinese + " " + w.status.english, w.registeredBlock, w.registeredTx, w.firstHolder,
                states.transaction(w.chainTxId).orElse(null), states.notarisation(w.record.notarisationItemId).orElse(null), w.createdAt,
                w.createdBy);
    }

    /** A work just registered: its writes are queued (no outbox read). */
    public WorkView justRegistered(Work w) {
        return new WorkView(w.id, w.kind.name(), w.title, w.authorList(), w.claimedPublishedAt, w.sourceUrl, w.mediaType, w.fileName,
                w.organisation, w.contentDigestHex(), HexFormat.of().formatHex(w.fingerprintDigest), w.iscc, w.record.digest, w.status.name(),
                w.status.chinese + " " + w.status.english, null, null, null, null, null, w.createdAt, w.createdBy);
    }
}

package org.alliancechain.service.chain;

import org.alliancechain.chain.api.ChainTxView;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.chain.api.NotarisationView;

/**
 * Where one chain write of a record stands, as every badge, timeline and API view shows it: a
 * contract call through the outbox ({@link ChainTxView}) or a record notarised in a Merkle batch
 * ({@link NotarisationView}). Confirmed states carry the transaction and block; a failed one the
 * decoded reason (e.g. {@code CaseRegistryInvalidStatus(...)}).
 *
 * @param phase           where the write stands
 * @param transactionHash the transaction (0x…), once signed; for a notarisation once its batch is anchored
 * @param blockNumber     the block that holds it, once mined
 * @param failureReason   the decoded revert reason, when failed
 */
public record ChainState(Phase phase, String transactionHash, Long blockNumber, String failureReason) {

    /** The phases in the order a write moves through them (a notarisation starts at BATCHING). */
    public enum Phase {
        BATCHING("待打包", "Batching"),
        PENDING("待签名", "Pending"),
        SUBMITTED("已提交", "Submitted"),
        CONFIRMED("已上链", "Confirmed"),
        FAILED("失败", "Failed");

        public final String chinese;
        public final String english;

        Phase(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    public static ChainState of(ChainTxView write) {
        return new ChainState(Phase.valueOf(write.status().name()), write.transactionHash(), write.blockNumber(), write.failureReason());
    }

    /** A notarised record: BATCHING until placed in a tree, then its batch's anchoring transaction. */
    public static ChainState of(NotarisationView item) {
        var proof = item.proof();
        return new ChainState(Phase.valueOf(item.state()), proof.map(InclusionProof::transactionHash).orElse(null),
                proof.map(InclusionProof::blockNumber).orElse(null), null);
    }

    /** The phase's name as the JSON API and the pages' CSS classes use it (CONFIRMED, FAILED …). */
    public String name() {
        return phase.name();
    }

    /** Bilingual label for a badge, e.g. "已上链 Confirmed". */
    public String label() {
        return phase.chinese + " " + phase.english;
    }

    public boolean confirmed() {
        return phase == Phase.CONFIRMED;
    }

    public boolean failed() {
        return phase == Phase.FAILED;
    }

    /** Still on its way (not yet confirmed nor failed): pages refresh while one is. */
    public boolean inProgress() {
        return !confirmed() && !failed();
    }

    /** The state's name, or null for no state (a step without a chain write). */
    public static String nameOf(ChainState state) {
        return state == null ? null : state.name();
    }

    /** Whether a state's name (as the API views carry it) is CONFIRMED. */
    public static boolean isConfirmed(String name) {
        return Phase.CONFIRMED.name().equals(name);
    }

    /** Whether a state's name (as the API views carry it) is one still on its way; false for none. */
    public static boolean isInProgress(String name) {
        return name != null && !isConfirmed(name) && !Phase.FAILED.name().equals(name);
    }
}

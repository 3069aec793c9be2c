package org.alliancechain.chain.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The one check of an inclusion proof against the chain, used by everything that checks a proof
 * (the certificate verifier and issuer, evidence references, the offline verifier, the chain
 * reader): the proof is complete, its audit path leads from the item to its root (RFC 9162), and
 * the chain holds that root under the proof's batch, for a batch of the proof's size. Both steps
 * are always taken and reported; the chain is asked once (the anchor of the batch).
 * A report, not an exception: {@link Outcome#UNKNOWN} when the chain could not be asked.
 *
 * @param pathProblem   why the audit path does not lead to the root; null when it does
 * @param onChain       what the chain said of the proof's root
 * @param chainProblem  why the chain does not confirm the root (or could not be asked); null when it does
 * @param onChainRoot   the root anchored under the batch, hex; null when none is or the chain was not asked
 * @param anchoredBlock the block of the anchoring, when anchored
 * @param anchoredAt    the anchoring block's time, when anchored
 */
public record ProofCheck(Outcome outcome, String pathProblem, OnChain onChain, String chainProblem, String onChainRoot, Long anchoredBlock,
                         Instant anchoredAt) {

    public enum Outcome {
        VALID,
        /** The proof does not hold: {@link #reason()} says which step failed. */
        INVALID,
        /** The audit path holds but the chain could not be asked. */
        UNKNOWN
    }

    /** What the chain said of the proof's root. */
    public enum OnChain {
        /** The root is anchored under the batch, for a batch of the proof's size. */
        CONFIRMED,
        /** Nothing, another root, or a batch of another size is anchored under the batch. */
        REFUTED,
        /** The chain could not be asked (or the node serves another chain). */
        UNREACHABLE,
        /** The proof is incomplete: nothing to ask. */
        NOT_ASKED
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    public boolean pathMatchesRoot() {
        return pathProblem == null;
    }

    public boolean rootAnchored() {
        return onChainRoot != null;
    }

    /** Why the proof does not hold or could not be checked: the path's problem first, then the chain's; null when valid. */
    public String reason() {
        return pathProblem != null ? pathProblem : chainProblem;
    }

    /** Checks a proof with one chain read (the anchor of its batch). */
    public static ProofCheck of(InclusionProof proof, AnchorLookup chain) {
        var malformed = malformedField(proof);
        if (malformed.isPresent()) {
            return new ProofCheck(Outcome.INVALID, "proof." + malformed.get() + " is missing or malformed", OnChain.NOT_ASKED, null, null, null,
                    null);
        }
        String path = proof.isConsistent() ? null
                : "the audit path does not lead from record " + proof.itemDigest() + " to root " + proof.root();
        Optional<AnchorLookup.AnchoredRoot> anchored;
        try {
            anchored = chain.anchorOf(proof.chainId(), proof.anchorRegistry(), proof.batchId());
        } catch (AnchorLookup.ChainUnreachableException e) {
            return new ProofCheck(path == null ? Outcome.UNKNOWN : Outcome.INVALID, path, OnChain.UNREACHABLE, e.getMessage(), null, null, null);
        }
        if (anchored.isEmpty()) {
            return new ProofCheck(Outcome.INVALID, path, OnChain.REFUTED, "no root is anchored under batch " + proof.batchId() + " in "
                    + proof.anchorRegistry() + " on chain " + proof.chainId(), null, null, null);
        }
        var root = anchored.get();
        String problem = !root.root().equalsIgnoreCase(proof.root())
                ? "the root anchored on chain for batch " + proof.batchId() + " is " + root.root() + ", not the proof's " + proof.root()
                : root.leafCount() != proof.treeSize()
                ? "the chain says batch " + proof.batchId() + " has " + root.leafCount() + " items, the proof says " + proof.treeSize()
                : null;
        return new ProofCheck(path == null && problem == null ? Outcome.VALID : Outcome.INVALID, path,
                problem == null ? OnChain.CONFIRMED : OnChain.REFUTED, problem, root.root(), root.blockNumber(),
                Instant.ofEpochSecond(root.timestamp()));
    }

    /**
     * The first field of a proof that is missing or malformed (hashes are 64 lower-case hexadecimal
     * characters, see docs/proofs.md), empty when the proof is complete.
     */
    public static Optional<String> malformedField(InclusionProof proof) {
        String hex64 = "[0-9a-f]{64}";
        String problem = proof == null ? "itemDigest"
                : proof.itemDigest() == null || !proof.itemDigest().matches(hex64) ? "itemDigest"
                : proof.root() == null || !proof.root().matches(hex64) ? "root"
                : proof.batchId() == null || !proof.batchId().matches(hex64) ? "batchId"
                : proof.auditPath() == null || proof.auditPath().size() > 64
                        || proof.auditPath().stream().anyMatch(h -> h == null || !h.matches(hex64)) ? "auditPath"
                : proof.treeSize() < 1 || proof.leafIndex() < 0 || proof.leafIndex() >= proof.treeSize() ? "leafIndex/treeSize"
                : proof.anchorRegistry() == null || !proof.anchorRegistry().matches("0x[0-9a-fA-F]{40}") ? "anchorRegistry"
                : null;
        return Optional.ofNullable(problem);
    }
}

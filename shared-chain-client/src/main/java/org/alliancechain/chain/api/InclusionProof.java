package org.alliancechain.chain.api;

import java.util.HexFormat;
import java.util.List;

/**
 * Everything a third party needs to check that an item was anchored: the item digest, its place in
 * the batch tree, the audit path (RFC 9162, see {@link MerkleTree}), the root, and where the root
 * was anchored. All hashes are lower-case hex without 0x.
 */
public record InclusionProof(
        String itemDigest,
        long leafIndex,
        long treeSize,
        List<String> auditPath,
        String root,
        String batchId,
        String anchorRegistry,
        long chainId,
        String transactionHash,
        Long blockNumber) {

    /** Recomputes the root from the item and the path; true when it equals {@link #root()}. Not part of the JSON form. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isConsistent() {
        var hex = HexFormat.of();
        return MerkleTree.verify(hex.parseHex(itemDigest), leafIndex, treeSize,
                auditPath.stream().map(hex::parseHex).toList(), hex.parseHex(root));
    }
}

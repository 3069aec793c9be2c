package org.alliancechain.chain.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a notarisation batch, exactly as RFC 9162 (Certificate Transparency v2,
 * section 2.1) defines it, with SHA-256:
 *
 * <pre>
 *   leaf hash  = SHA-256(0x00 || item digest)          (the 32-byte digest of the notarised item)
 *   node hash  = SHA-256(0x01 || left || right)
 *   MTH({d0})  = leaf hash of d0
 *   MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k = the largest power of two smaller than n
 * </pre>
 *
 * The 0x00 / 0x01 prefixes separate leaves from inner nodes, so no inner node can pass for a leaf.
 * An inclusion proof is the audit path of RFC 9162 section 2.1.3.1, verified by the algorithm of
 * section 2.1.3.2 ({@link #rootFromProof}); any Certificate Transparency library can check it.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] itemDigest) {
        var sha = sha256();
        sha.update((byte) 0x00);
        sha.update(itemDigest);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        var sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root over already computed leaf hashes (at least one). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a tree needs at least one leaf");
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /** The audit path for the leaf at {@code index}: sibling hashes from the leaf upwards. */
    public static List<byte[]> auditPath(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + leafHashes.size());
        }
        var path = new ArrayList<byte[]>();
        collectPath(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    /**
     * Recomputes the root from a leaf hash and its audit path (RFC 9162 section 2.1.3.2).
     * Returns null when the path does not fit the index and tree size.
     */
    public static byte[] rootFromProof(byte[] leafHash, long index, long treeSize, List<byte[]> path) {
        if (index < 0 || index >= treeSize) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** True when the item digest is at {@code index} of a tree of {@code treeSize} with this root. */
    public static boolean verify(byte[] itemDigest, long index, long treeSize, List<byte[]> path, byte[] expectedRoot) {
        byte[] root = rootFromProof(leafHash(itemDigest), index, treeSize, path);
        return root != null && MessageDigest.isEqual(root, expectedRoot);
    }

    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
    }

    private static void collectPath(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index - from < k) {
            collectPath(leaves, index, from, from + k, path);
            path.add(subtreeRoot(leaves, from + k, to));
        } else {
            collectPath(leaves, index, from + k, to, path);
            path.add(subtreeRoot(leaves, from, from + k));
        }
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** Computes every leaf's audit path of one tree at once, in O(n log n) instead of O(n^2). */
    public static List<List<byte[]>> allAuditPaths(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        List<List<byte[]>> paths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            paths.add(new ArrayList<>());
        }
        fillPaths(leafHashes, 0, n, paths);
        return paths;
    }

    private static byte[] fillPaths(List<byte[]> leaves, int from, int to, List<List<byte[]>> paths) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] left = fillPaths(leaves, from, from + k, paths);
        byte[] right = fillPaths(leaves, from + k, to, paths);
        for (int i = from; i < from + k; i++) {
            paths.get(i).add(right);
        }
        for (int i = from + k; i < to; i++) {
            paths.get(i).add(left);
        }
        return nodeHash(left, right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

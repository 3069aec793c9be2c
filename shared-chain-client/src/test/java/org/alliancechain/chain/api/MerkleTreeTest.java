package org.alliancechain.chain.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the Certificate Transparency reference tests (RFC 6962 / RFC 9162 trees). */
    private static final List<byte[]> CT_LEAVES = List.of(
            HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"),
            HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    /** Published roots of the first n of those leaves. */
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsMatchTheCertificateTransparencyReferenceValues() {
        for (int n = 1; n <= CT_LEAVES.size(); n++) {
            var leaves = CT_LEAVES.subList(0, n).stream().map(MerkleTree::leafHash).toList();
            assertEquals(CT_ROOTS.get(n - 1), HEX.formatHex(MerkleTree.root(leaves)), "tree of " + n);
        }
    }

    @Test
    void everyLeafOfEveryTreeSizeProvesItsInclusion() {
        var random = new Random(1);
        for (int n = 1; n <= 70; n++) {
            var digests = digests(random, n);
            var leaves = digests.stream().map(MerkleTree::leafHash).toList();
            byte[] root = MerkleTree.root(leaves);
            var all = MerkleTree.allAuditPaths(leaves);
            for (int i = 0; i < n; i++) {
                var path = MerkleTree.auditPath(leaves, i);
                assertEquals(path.size(), all.get(i).size());
                for (int j = 0; j < path.size(); j++) {
                    assertArrayEquals(path.get(j), all.get(i).get(j));
                }
                assertTrue(MerkleTree.verify(digests.get(i), i, n, path, root), "leaf " + i + " of " + n);
            }
        }
    }

    @Test
    void aProofFailsForAnotherItemIndexSizeOrRoot() {
        var digests = digests(new Random(2), 13);
        var leaves = digests.stream().map(MerkleTree::leafHash).toList();
        byte[] root = MerkleTree.root(leaves);
        var path = MerkleTree.auditPath(leaves, 5);
        assertTrue(MerkleTree.verify(digests.get(5), 5, 13, path, root));
        assertFalse(MerkleTree.verify(digests.get(6), 5, 13, path, root), "other item");
        assertFalse(MerkleTree.verify(digests.get(5), 4, 13, path, root), "other index");
        assertFalse(MerkleTree.verify(digests.get(5), 5, 8, path, root), "a size whose tree has another shape");
        byte[] flipped = root.clone();
        flipped[0] ^= 1;
        assertFalse(MerkleTree.verify(digests.get(5), 5, 13, path, flipped), "other root");
        assertNull(MerkleTree.rootFromProof(leaves.get(5), 13, 13, path), "index beyond the tree");
        assertFalse(MerkleTree.verify(digests.get(5), 5, 13, path.subList(0, path.size() - 1), root), "short path");
    }

    @Test
    void aLeafCannotPassForAnInnerNode() {
        var digests = digests(new Random(3), 2);
        var leaves = digests.stream().map(MerkleTree::leafHash).toList();
        byte[] root = MerkleTree.root(leaves);
        // The concatenation of the two leaf hashes, offered as a single item, must not give the root.
        byte[] forged = new byte[64];
        System.arraycopy(leaves.get(0), 0, forged, 0, 32);
        System.arraycopy(leaves.get(1), 0, forged, 32, 32);
        assertFalse(java.util.Arrays.equals(root, MerkleTree.leafHash(forged)));
    }

    private static List<byte[]> digests(Random random, int n) {
        var list = new ArrayList<byte[]>();
        for (int i = 0; i < n; i++) {
            var d = new byte[32];
            random.nextBytes(d);
            list.add(d);
        }
        return list;
    }
}

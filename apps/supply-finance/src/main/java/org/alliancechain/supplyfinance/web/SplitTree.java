package org.alliancechain.supplyfinance.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.supplyfinance.receivables.CertificateViews;

/**
 * A certificate's parts drawn as a tree (who holds what, down the tiers): one box per part with its
 * holder, value and state, under the part it was split or offered from; leaves side by side, each
 * parent centred over its children. Returned as an SVG fragment's geometry for the template.
 */
public final class SplitTree {

    static final int BOX_W = 168;
    static final int BOX_H = 58;
    static final int GAP_X = 16;
    static final int GAP_Y = 40;

    public record Node(long partId, int x, int y, String holder, String value, String state, String stateLabel) {
        public int cx() {
            return x + BOX_W / 2;
        }

        /** Where the box's text starts, and its three lines' baselines. */
        public int tx() {
            return x + 8;
        }

        public int line1() {
            return y + 17;
        }

        public int line2() {
            return y + 35;
        }

        public int line3() {
            return y + 51;
        }
    }

    public record Edge(int x1, int y1, int x2, int y2) {
    }

    public record Drawing(int width, int height, List<Node> nodes, List<Edge> edges) {
        public int boxWidth() {
            return BOX_W;
        }

        public int boxHeight() {
            return BOX_H;
        }
    }

    private SplitTree() {
    }

    public static Drawing of(List<CertificateViews.PartView> parts) {
        var visible = parts.stream().filter(p -> !"MERGED".equals(p.state())).sorted(Comparator.comparingLong(CertificateViews.PartView::partId))
                .toList();
        Map<Long, List<CertificateViews.PartView>> children = new HashMap<>();
        var roots = new ArrayList<CertificateViews.PartView>();
        var ids = visible.stream().map(CertificateViews.PartView::partId).toList();
        for (var p : visible) {
            if (p.parentId() == null || !ids.contains(p.parentId())) {
                roots.add(p);
            } else {
                children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            }
        }
        var nodes = new ArrayList<Node>();
        var edges = new ArrayList<Edge>();
        int[] nextLeaf = {0};
        int[] maxDepth = {0};
        for (var root : roots) {
            place(root, 0, children, nodes, edges, nextLeaf, maxDepth);
        }
        int width = Math.max(1, nextLeaf[0]) * (BOX_W + GAP_X) + GAP_X;
        int height = (maxDepth[0] + 1) * (BOX_H + GAP_Y) + GAP_Y / 2;
        return new Drawing(width, height, nodes, edges);
    }

    /** Places a part and its subtree; returns the part's box. */
    private static Node place(CertificateViews.PartView part, int depth, Map<Long, List<CertificateViews.PartView>> children, List<Node> nodes,
                              List<Edge> edges, int[] nextLeaf, int[] maxDepth) {
        maxDepth[0] = Math.max(maxDepth[0], depth);
        int y = GAP_Y / 2 + depth * (BOX_H + GAP_Y);
        var kids = children.getOrDefault(part.partId(), List.of());
        int x;
        var placed = new ArrayList<Node>();
        if (kids.isEmpty()) {
            x = GAP_X + nextLeaf[0]++ * (BOX_W + GAP_X);
        } else {
            for (var kid : kids) {
                placed.add(place(kid, depth + 1, children, nodes, edges, nextLeaf, maxDepth));
            }
            x = (placed.getFirst().x() + placed.getLast().x()) / 2;
        }
        String holder = part.holder() != null ? part.holder() : part.recipient() != null ? "→ " + part.recipient() : "—";
        var node = new Node(part.partId(), x, y, holder, "¥" + String.format("%,.2f", part.value()), part.state(), part.stateLabel());
        nodes.add(node);
        for (var kid : placed) {
            edges.add(new Edge(node.cx(), y + BOX_H, kid.cx(), kid.y()));
        }
        return node;
    }
}

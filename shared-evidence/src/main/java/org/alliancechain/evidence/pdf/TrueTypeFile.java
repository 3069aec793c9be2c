package org.alliancechain.evidence.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TrueType font program read once, and subsets of it with the glyphs renumbered 1…n (0 stays
 * {@code .notdef}): the subset carries only the tables a PDF needs for an embedded CIDFontType2
 * ({@code head hhea maxp hmtx loca glyf} and the hinting tables), so its size and its cost follow
 * the number of glyphs used, not the tens of thousands a CJK font has. Composite glyphs bring their
 * components along, renumbered too. Immutable and thread-safe.
 */
final class TrueTypeFile {

    private static final List<String> COPIED = List.of("cvt ", "fpgm", "prep");

    private final byte[] data;
    /** Read with absolute gets only, so one view serves every thread. */
    private final ByteBuffer in;
    private final Map<String, int[]> tables = new HashMap<>();
    private final int loca;
    private final int glyf;
    private final int hmtx;
    private final int numGlyphs;
    private final boolean longLoca;
    private final int numberOfHMetrics;
    private final int unitsPerEm;

    TrueTypeFile(byte[] data) {
        this.data = data;
        this.in = ByteBuffer.wrap(data);
        int count = in.getShort(4) & 0xffff;
        for (int i = 0; i < count; i++) {
            int entry = 12 + 16 * i;
            String tag = new String(data, entry, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            tables.put(tag, new int[] {in.getInt(entry + 8), in.getInt(entry + 12)});
        }
        for (String required : List.of("head", "hhea", "maxp", "hmtx", "loca", "glyf")) {
            if (!tables.containsKey(required)) {
                throw new IllegalArgumentException("not a TrueType-outline font: no '" + required + "' table");
            }
        }
        this.unitsPerEm = in.getShort(table("head") + 18) & 0xffff;
        this.longLoca = in.getShort(table("head") + 50) != 0;
        this.numGlyphs = in.getShort(table("maxp") + 4) & 0xffff;
        this.numberOfHMetrics = in.getShort(table("hhea") + 34) & 0xffff;
        this.loca = table("loca");
        this.glyf = table("glyf");
        this.hmtx = table("hmtx");
    }

    int numGlyphs() {
        return numGlyphs;
    }

    /** The glyph's advance width in PDF glyph space (thousandths of the em), as the W array and the layout use it. */
    int width(int glyph) {
        int index = Math.min(glyph, numberOfHMetrics - 1);
        int advance = in.getShort(hmtx + 4 * index) & 0xffff;
        return Math.round(advance * 1000f / unitsPerEm);
    }

    private int table(String tag) {
        return tables.get(tag)[0];
    }

    private int[] glyphBytes(int glyph) {
        int start;
        int end;
        if (longLoca) {
            start = in.getInt(loca + 4 * glyph);
            end = in.getInt(loca + 4 * glyph + 4);
        } else {
            start = 2 * (in.getShort(loca + 2 * glyph) & 0xffff);
            end = 2 * (in.getShort(loca + 2 * glyph + 2) & 0xffff);
        }
        return new int[] {glyf + start, Math.max(0, end - start)};
    }

    /** Components of a composite glyph (empty for a simple one): offsets, within the glyph, of each component's glyph index. */
    private List<Integer> componentOffsets(int[] glyph) {
        List<Integer> out = new ArrayList<>();
        if (glyph[1] < 10 || in.getShort(glyph[0]) >= 0) {
            return out;
        }
        int p = 10;
        while (true) {
            int flags = in.getShort(glyph[0] + p) & 0xffff;
            out.add(p + 2);
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            if ((flags & 0x0008) != 0) {
                p += 2;
            } else if ((flags & 0x0040) != 0) {
                p += 4;
            } else if ((flags & 0x0080) != 0) {
                p += 8;
            }
            if ((flags & 0x0020) == 0) {
                return out;
            }
        }
    }

    /**
     * Old glyph ids to new ones for the glyphs a document uses: {@code .notdef} is 0, the rest numbered
     * in order of first use. {@link #subset} adds the components of composite glyphs.
     */
    static final class Numbering {
        final Map<Integer, Integer> newIds = new HashMap<>();
        final List<Integer> oldIds = new ArrayList<>();

        Numbering() {
            id(0);
        }

        int id(int oldGlyph) {
            Integer known = newIds.get(oldGlyph);
            if (known != null) {
                return known;
            }
            int id = oldIds.size();
            newIds.put(oldGlyph, id);
            oldIds.add(oldGlyph);
            return id;
        }

        int size() {
            return oldIds.size();
        }

        Numbering copy() {
            var copy = new Numbering();
            copy.newIds.putAll(newIds);
            copy.oldIds.clear();
            copy.oldIds.addAll(oldIds);
            return copy;
        }
    }

    /** The subset font program holding the numbering's glyphs under their new ids (the numbering grows by their components). */
    byte[] subset(Numbering numbering) {
        // Components first: they may add glyphs, whose own components are handled as the loop reaches them.
        for (int i = 0; i < numbering.oldIds.size(); i++) {
            int[] glyph = glyphBytes(numbering.oldIds.get(i));
            for (int offset : componentOffsets(glyph)) {
                numbering.id(in.getShort(glyph[0] + offset) & 0xffff);
            }
        }
        int n = numbering.size();
        var glyf = new ByteArrayOutputStream(n * 300);
        var loca = ByteBuffer.allocate(4 * (n + 1));
        var metrics = ByteBuffer.allocate(4 * n);
        for (int id = 0; id < n; id++) {
            int old = numbering.oldIds.get(id);
            loca.putInt(glyf.size());
            int[] glyph = glyphBytes(old);
            byte[] copy = java.util.Arrays.copyOfRange(data, glyph[0], glyph[0] + glyph[1]);
            for (int offset : componentOffsets(glyph)) {
                int component = numbering.newIds.get(in.getShort(glyph[0] + offset) & 0xffff);
                copy[offset] = (byte) (component >> 8);
                copy[offset + 1] = (byte) component;
            }
            glyf.writeBytes(copy);
            while (glyf.size() % 4 != 0) {
                glyf.write(0);
            }
            int metric = Math.min(old, numberOfHMetrics - 1);
            metrics.putShort(in.getShort(hmtx + 4 * metric));
            short lsb = old < numberOfHMetrics ? in.getShort(hmtx + 4 * old + 2)
                    : in.getShort(hmtx + 4 * numberOfHMetrics + 2 * (old - numberOfHMetrics));
            metrics.putShort(lsb);
        }
        loca.putInt(glyf.size());

        var out = new TreeMap<String, byte[]>();
        byte[] head = copyOf("head");
        ByteBuffer.wrap(head).putInt(8, 0).putShort(50, (short) 1);
        out.put("head", head);
        byte[] hhea = copyOf("hhea");
        ByteBuffer.wrap(hhea).putShort(34, (short) n);
        out.put("hhea", hhea);
        byte[] maxp = copyOf("maxp");
        ByteBuffer.wrap(maxp).putShort(4, (short) n);
        out.put("maxp", maxp);
        out.put("hmtx", metrics.array());
        out.put("loca", loca.array());
        out.put("glyf", glyf.toByteArray());
        for (String tag : COPIED) {
            if (tables.containsKey(tag)) {
                out.put(tag, copyOf(tag));
            }
        }
        byte[] font = assemble(out);
        // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
        int headOffset = tableOffsetIn(font, "head");
        ByteBuffer.wrap(font).putInt(headOffset + 8, (int) (0xB1B0AFBAL - checksum(font, 0, font.length)));
        return font;
    }

    private byte[] copyOf(String tag) {
        int[] t = tables.get(tag);
        return java.util.Arrays.copyOfRange(data, t[0], t[0] + t[1]);
    }

    private static byte[] assemble(TreeMap<String, byte[]> tables) {
        int count = tables.size();
        int size = 12 + 16 * count;
        for (byte[] t : tables.values()) {
            size += (t.length + 3) & ~3;
        }
        var out = ByteBuffer.allocate(size);
        int power = Integer.highestOneBit(count);
        out.putInt(0x00010000).putShort((short) count).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (count * 16 - power * 16));
        int offset = 12 + 16 * count;
        for (var table : tables.entrySet()) {
            byte[] bytes = table.getValue();
            out.put(table.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.putInt((int) checksum(bytes, 0, bytes.length)).putInt(offset).putInt(bytes.length);
            offset += (bytes.length + 3) & ~3;
        }
        for (byte[] bytes : tables.values()) {
            out.put(bytes);
            out.position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    private static int tableOffsetIn(byte[] font, String tag) {
        var in = ByteBuffer.wrap(font);
        int count = in.getShort(4) & 0xffff;
        for (int i = 0; i < count; i++) {
            if (new String(font, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(tag)) {
                return in.getInt(12 + 16 * i + 8);
            }
        }
        throw new IllegalStateException("no " + tag);
    }

    private static long checksum(byte[] bytes, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < length ? bytes[from + i + j] & 0xff : 0);
            }
            sum = (sum + word) & 0xffffffffL;
        }
        return sum;
    }
}

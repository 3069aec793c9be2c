package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Font subsets with renumbered glyphs: the glyphs, widths and component references survive, the file is a valid sfnt. */
class TrueTypeFileTest {

    @Test
    void aSubsetOfTheCertificateFontKeepsGlyphsAndWidthsUnderNewIds() {
        var face = CertificateRenderer.CertificateFont.common();
        var numbering = new TrueTypeFile.Numbering();
        String text = "证据 Zhang 张三 2026";
        int[] oldIds = text.codePoints().map(face::glyph).toArray();
        int[] newIds = Arrays.stream(oldIds).map(numbering::id).toArray();
        byte[] subset = face.file.subset(numbering);

        assertThat(new TrueTypeFile(subset).numGlyphs()).isEqualTo(numbering.size());
        assertThat(subset.length).as("a dozen glyphs, not the whole font's tables").isLessThan(20_000);
        for (int i = 0; i < oldIds.length; i++) {
            assertThat(new TrueTypeFile(subset).width(newIds[i])).isEqualTo(face.file.width(oldIds[i]));
        }
        assertThat(sum(subset)).as("head.checkSumAdjustment").isEqualTo(0xB1B0AFBAL);
    }

    @Test
    void compositeGlyphsBringTheirComponentsRenumbered() {
        // glyph 0 .notdef (empty), 1 and 2 simple, 3 composite of glyph 1 (which becomes glyph 2 in the subset)
        byte[] simple = glyph(1, 40);
        byte[] other = glyph(1, 24);
        var composite = ByteBuffer.allocate(16).putShort((short) -1).putShort((short) 0).putShort((short) 0).putShort((short) 10)
                .putShort((short) 10).putShort((short) 0x0002).putShort((short) 1).put((byte) 5).put((byte) 6).array();
        var font = new TrueTypeFile(font(new byte[][] {new byte[0], simple, other, composite}, new int[] {500, 600, 700, 800}));

        var numbering = new TrueTypeFile.Numbering();
        assertThat(numbering.id(3)).isEqualTo(1);
        var subset = new TrueTypeFile(font.subset(numbering));

        assertThat(numbering.size()).as(".notdef, the composite, its component").isEqualTo(3);
        assertThat(numbering.id(1)).isEqualTo(2);
        assertThat(subset.numGlyphs()).isEqualTo(3);
        assertThat(subset.width(1)).isEqualTo(font.width(3));
        assertThat(subset.width(2)).isEqualTo(font.width(1));
        byte[] written = font.subset(numbering);
        var tables = tables(written);
        int glyf = tables.get("glyf")[0];
        int loca = tables.get("loca")[0];
        int compositeAt = glyf + ByteBuffer.wrap(written).getInt(loca + 4);
        assertThat(ByteBuffer.wrap(written).getShort(compositeAt)).as("still composite").isEqualTo((short) -1);
        assertThat(ByteBuffer.wrap(written).getShort(compositeAt + 12)).as("component now refers to new id 2").isEqualTo((short) 2);
        int componentAt = glyf + ByteBuffer.wrap(written).getInt(loca + 8);
        assertThat(Arrays.copyOfRange(written, componentAt, componentAt + simple.length)).isEqualTo(simple);
    }

    private static byte[] glyph(int contours, int size) {
        var out = ByteBuffer.allocate(size).putShort((short) contours);
        for (int i = 2; i < size; i++) {
            out.put((byte) i);
        }
        return out.array();
    }

    /** A minimal sfnt with the six tables a PDF needs (units per em 1000, long loca, one hmtx entry per glyph). */
    private static byte[] font(byte[][] glyphs, int[] advances) {
        var glyf = ByteBuffer.allocate(Arrays.stream(glyphs).mapToInt(g -> (g.length + 3) & ~3).sum());
        var loca = ByteBuffer.allocate(4 * (glyphs.length + 1));
        for (byte[] g : glyphs) {
            loca.putInt(glyf.position());
            glyf.put(g);
            glyf.position((glyf.position() + 3) & ~3);
        }
        loca.putInt(glyf.position());
        var hmtx = ByteBuffer.allocate(4 * glyphs.length);
        for (int a : advances) {
            hmtx.putShort((short) a).putShort((short) 0);
        }
        var head = ByteBuffer.allocate(54).putInt(0x00010000).putInt(0x00010000).putInt(0).putInt(0x5F0F3CF5).putShort((short) 0)
                .putShort((short) 1000);
        head.putShort(50, (short) 1);
        var hhea = ByteBuffer.allocate(36).putInt(0x00010000);
        hhea.putShort(34, (short) glyphs.length);
        var maxp = ByteBuffer.allocate(32).putInt(0x00010000).putShort((short) glyphs.length);
        var tables = new TreeMap<String, byte[]>(Map.of("glyf", glyf.array(), "loca", loca.array(), "hmtx", hmtx.array(),
                "head", head.array(), "hhea", hhea.array(), "maxp", maxp.array()));
        int size = 12 + 16 * tables.size() + tables.values().stream().mapToInt(t -> (t.length + 3) & ~3).sum();
        var out = ByteBuffer.allocate(size).putInt(0x00010000).putShort((short) tables.size()).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0);
        int offset = 12 + 16 * tables.size();
        for (var t : tables.entrySet()) {
            out.put(t.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(offset).putInt(t.getValue().length);
            offset += (t.getValue().length + 3) & ~3;
        }
        for (byte[] t : tables.values()) {
            out.put(t);
            out.position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    private static Map<String, int[]> tables(byte[] font) {
        var in = ByteBuffer.wrap(font);
        Map<String, int[]> out = new TreeMap<>();
        for (int i = 0; i < (in.getShort(4) & 0xffff); i++) {
            out.put(new String(font, 12 + 16 * i, 4, StandardCharsets.ISO_8859_1), new int[] {in.getInt(20 + 16 * i), in.getInt(24 + 16 * i)});
        }
        return out;
    }

    private static long sum(byte[] font) {
        long sum = 0;
        for (int i = 0; i < font.length; i += 4) {
            sum = (sum + (ByteBuffer.wrap(Arrays.copyOf(Arrays.copyOfRange(font, i, Math.min(font.length, i + 4)), 4)).getInt() & 0xffffffffL))
                    & 0xffffffffL;
        }
        return sum;
    }
}

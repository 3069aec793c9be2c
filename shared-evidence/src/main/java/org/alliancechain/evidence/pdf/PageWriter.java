package org.alliancechain.evidence.pdf;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.evidence.pdf.PdfA3Writer.Rgb;

/**
 * Draws the certificate straight onto the page: centred lines, two-column rows with wrapped text,
 * an image beside a block of text. The certificate's shape is fixed, so this does in a few hundred
 * canvas operations what a general layout engine spent most of the rendering time on.
 */
final class PageWriter {

    private static final float MARGIN = 42;
    private static final float PADDING = 2.5f;
    private static final float LEADING = 1.3f;

    private final PdfA3Writer pdf;
    private final float width;
    private float y;

    PageWriter(PdfA3Writer pdf) {
        this.pdf = pdf;
        this.width = PdfA3Writer.PAGE_WIDTH - 2 * MARGIN;
        newPage();
    }

    void centred(String text, float size, Rgb color, float spaceAfter) {
        for (String line : wrap(text, size, width)) {
            float w = pdf.width(line, size);
            y -= size * LEADING;
            show(line, MARGIN + (width - w) / 2, y + size * 0.25f, size, color);
        }
        y -= spaceAfter;
    }

    /** A row of two cells: a shaded label and a value, each wrapped to its column. */
    void row(String label, float labelSize, String value, float valueSize, Rgb shade, float labelShare) {
        float labelWidth = width * labelShare;
        float valueWidth = width - labelWidth;
        var labelLines = wrap(label, labelSize, labelWidth - 2 * PADDING);
        var valueLines = wrap(value, valueSize, valueWidth - 2 * PADDING);
        float height = Math.max(labelLines.size() * labelSize * LEADING, valueLines.size() * valueSize * LEADING) + 2 * PADDING;
        ensure(height);
        float top = y;
        pdf.fillRect(shade, MARGIN, top - height, labelWidth, height);
        pdf.strokeRect(Rgb.LIGHT_GRAY, 0.5f, MARGIN, top - height, labelWidth, height);
        pdf.strokeRect(Rgb.LIGHT_GRAY, 0.5f, MARGIN + labelWidth, top - height, valueWidth, height);
        lines(labelLines, MARGIN + PADDING, top - PADDING, labelSize, Rgb.BLACK);
        lines(valueLines, MARGIN + labelWidth + PADDING, top - PADDING, valueSize, Rgb.BLACK);
        y = top - height;
    }

    /**
     * A table: a shaded header row (repeated at the top of every page it continues on), then one row per
     * entry, each cell wrapped to its column; {@code shares} are the columns' fractions of the width.
     */
    void table(List<String> headers, float[] shares, List<List<String>> rows, float size, Rgb shade) {
        Runnable header = () -> tableRow(headers, shares, size, shade);
        header.run();
        for (var row : rows) {
            float height = rowHeight(row, shares, size);
            if (y - height < MARGIN) {
                newPage();
                header.run();
            }
            tableRow(row, shares, size, null);
        }
    }

    private float rowHeight(List<String> cells, float[] shares, float size) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i), size, width * shares[i] - 2 * PADDING).size());
        }
        return lines * size * LEADING + 2 * PADDING;
    }

    private void tableRow(List<String> cells, float[] shares, float size, Rgb shade) {
        float height = rowHeight(cells, shares, size);
        ensure(height);
        float top = y;
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float w = width * shares[i];
            if (shade != null) {
                pdf.fillRect(shade, x, top - height, w, height);
            }
            pdf.strokeRect(Rgb.LIGHT_GRAY, 0.5f, x, top - height, w, height);
            lines(wrap(cells.get(i), size, w - 2 * PADDING), x + PADDING, top - PADDING, size, Rgb.BLACK);
            x += w;
        }
        y = top - height;
    }

    /** Left-aligned paragraph text across the page. */
    void paragraph(String text, float size, Rgb color, float spaceBefore) {
        y -= spaceBefore;
        var wrapped = wrap(text, size, width);
        ensure(wrapped.size() * size * LEADING);
        lines(wrapped, MARGIN, y, size, color);
        y -= wrapped.size() * size * LEADING;
    }

    /** A QR code of the given size at the left, paragraphs to its right. */
    void beside(com.google.zxing.qrcode.encoder.ByteMatrix qr, float size, List<Paragraph> paragraphs, float spaceBefore) {
        y -= spaceBefore;
        float textX = MARGIN + size + 14;
        float textWidth = width - size - 14;
        float height = 0;
        List<List<String>> wrapped = new ArrayList<>();
        for (var p : paragraphs) {
            var lines = wrap(p.text(), p.size(), textWidth);
            wrapped.add(lines);
            height += lines.size() * p.size() * LEADING + 3;
        }
        ensure(Math.max(size, height));
        float top = y;
        pdf.qr(qr, MARGIN, top - size, size);
        float cursor = top;
        for (int i = 0; i < paragraphs.size(); i++) {
            var p = paragraphs.get(i);
            lines(wrapped.get(i), textX, cursor, p.size(), p.color());
            cursor -= wrapped.get(i).size() * p.size() * LEADING + 3;
        }
        y = Math.min(top - size, cursor);
    }

    record Paragraph(String text, float size, Rgb color) {
    }

    private void lines(List<String> lines, float x, float top, float size, Rgb color) {
        float baseline = top;
        for (String line : lines) {
            baseline -= size * LEADING;
            show(line, x, baseline + size * 0.25f, size, color);
        }
    }

    private void show(String text, float x, float baseline, float size, Rgb color) {
        if (text.isEmpty()) {
            return;
        }
        pdf.text(text, x, baseline, size, color);
    }

    private void ensure(float height) {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        pdf.newPage();
        y = PdfA3Writer.PAGE_HEIGHT - MARGIN;
    }

    /**
     * Greedy line breaking: at spaces where there are any, anywhere in runs without them (hashes,
     * addresses) and between CJK characters, which need no spaces.
     */
    List<String> wrap(String text, float size, float maxWidth) {
        return wrap(pdf, text, size, maxWidth);
    }

    /** {@link #wrap(String, float, float)} with the widths of a writer's fonts, for documents drawn without a page writer. */
    static List<String> wrap(PdfA3Writer pdf, String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            var line = new StringBuilder();
            float lineWidth = 0;
            int i = 0;
            while (i < paragraph.length()) {
                int end = tokenEnd(paragraph, i);
                String token = paragraph.substring(i, end);
                float tokenWidth = pdf.width(token, size);
                if (lineWidth + tokenWidth <= maxWidth) {
                    line.append(token);
                    lineWidth += tokenWidth;
                    i = end;
                } else if (line.length() > 0 && tokenWidth <= maxWidth && !midToken(paragraph, i)) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    lineWidth = 0;
                    if (token.isBlank()) {
                        i = end;
                    }
                } else {
                    // A token wider than a line: break it by characters.
                    int cp = paragraph.codePointAt(i);
                    float w = pdf.width(cp, size);
                    if (lineWidth + w > maxWidth && line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    line.appendCodePoint(cp);
                    lineWidth += w;
                    i += Character.charCount(cp);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Whether {@code i} is inside a run already being broken by characters (the rest then fills lines, not a fresh one). */
    private static boolean midToken(String s, int i) {
        if (i == 0) {
            return false;
        }
        int before = s.codePointBefore(i);
        int at = s.codePointAt(i);
        return !Character.isWhitespace(before) && !isCjk(before) && !Character.isWhitespace(at) && !isCjk(at);
    }

    /** Tokens: a run of spaces, one CJK character, or a run of other characters up to the next space or CJK character. */
    private static int tokenEnd(String s, int start) {
        int cp = s.codePointAt(start);
        if (Character.isWhitespace(cp)) {
            int i = start;
            while (i < s.length() && Character.isWhitespace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            return i;
        }
        if (isCjk(cp)) {
            return start + Character.charCount(cp);
        }
        int i = start;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c) || isCjk(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static boolean isCjk(int cp) {
        if (cp < 0x2e80) {
            return false; // below the CJK radicals: Latin, Greek, Cyrillic, punctuation … (the common case, kept cheap)
        }
        var script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
    }
}

package org.alliancechain.evidence.pdf;

import com.itextpdf.io.font.FontProgram;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;

/**
 * Writes a PDF/A-3b document byte by byte: pages of text, rectangles and QR codes, one embedded CJK
 * font (as a precomputed subset for the characters every document of a kind prints, plus a subset
 * per document for the rest), associated files, XMP metadata written once, an sRGB output intent —
 * and, when asked, a PAdES signature in the same single revision (the signature dictionary is
 * written with a placeholder, the signed byte ranges are hashed, the CMS container is filled in).
 * No document model is built and nothing is parsed back, which is what made drawing a certificate
 * with a general PDF library cost ten times more than signing it. veraPDF, EU DSS and poppler
 * check the output in the test suite. One instance writes one document.
 */
final class PdfA3Writer {

    static final float PAGE_WIDTH = 595;
    static final float PAGE_HEIGHT = 842;
    static final String PRODUCER = "Alliance Chain Suite evidence writer";

    /** An RGB colour (components 0–1). */
    record Rgb(float r, float g, float b) {
        static final Rgb BLACK = new Rgb(0, 0, 0);
        static final Rgb LIGHT_GRAY = new Rgb(0.75f, 0.75f, 0.75f);
        static final Rgb DARK_GRAY = new Rgb(0.25f, 0.25f, 0.25f);

        static Rgb of(int r, int g, int b) {
            return new Rgb(r / 255f, g / 255f, b / 255f);
        }
    }

    /** A font program as PDFs embed it: its cmap and widths (iText's parser) and its glyph data. */
    static final class Face {
        final FontProgram program;
        final TrueTypeFile file;
        final String postScriptName;
        private final int spaceGlyph;
        /** Glyph ids and advances of the basic multilingual plane, filled as characters are first met (races only repeat work). */
        private final int[] glyphs = new int[0x10000];
        private final int[] advances = new int[0x10000];

        Face(byte[] bytes) {
            Arrays.fill(glyphs, Integer.MIN_VALUE);
            Arrays.fill(advances, Integer.MIN_VALUE);
            try {
                this.program = com.itextpdf.io.font.FontProgramFactory.createFont(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            this.file = new TrueTypeFile(bytes);
            this.postScriptName = program.getFontNames().getFontName().replaceAll("[^A-Za-z0-9-]", "");
            var space = program.getGlyph(' ');
            this.spaceGlyph = space == null ? 0 : space.getCode();
        }

        /** The glyph id for a code point, or -1; white space without a glyph is drawn as a space. */
        int glyph(int codePoint) {
            if (codePoint < 0x10000) {
                int known = glyphs[codePoint];
                if (known == Integer.MIN_VALUE) {
                    known = lookUp(codePoint);
                    glyphs[codePoint] = known;
                }
                return known;
            }
            return lookUp(codePoint);
        }

        /** The advance of the code point's glyph in thousandths of the em (0 when it has none). */
        int advance(int codePoint) {
            if (codePoint < 0x10000) {
                int known = advances[codePoint];
                if (known == Integer.MIN_VALUE) {
                    int glyph = glyph(codePoint);
                    known = glyph < 0 ? 0 : file.width(glyph);
                    advances[codePoint] = known;
                }
                return known;
            }
            int glyph = glyph(codePoint);
            return glyph < 0 ? 0 : file.width(glyph);
        }

        private int lookUp(int codePoint) {
            var glyph = program.getGlyph(codePoint);
            if (glyph != null) {
                return glyph.getCode();
            }
            return Character.isWhitespace(codePoint) ? spaceGlyph : -1;
        }

        boolean has(int codePoint) {
            return glyph(codePoint) >= 0;
        }
    }

    /** What a document embeds for one subset of a face: its name, widths, compressed program and ToUnicode map. */
    record FontObjects(String name, String widths, byte[] program, int programLength, byte[] toUnicode) {
        static FontObjects of(Face face, TrueTypeFile.Numbering numbering, Map<Integer, Integer> unicode, int level) {
            byte[] font = face.file.subset(numbering);
            return new FontObjects(subsetTag(numbering) + "+" + face.postScriptName, widthArray(face, numbering), deflate(font, level),
                    font.length, deflate(toUnicodeCMap(unicode), level));
        }
    }

    /**
     * The subset of a face for a fixed set of characters, written once and copied into every document:
     * the labels and sentences a kind of document always prints, and printable ASCII.
     */
    static final class SharedFont {
        final Face face;
        /** By code point (basic multilingual plane): the glyph's id in this subset and its advance, -1 when not in it. */
        final int[] ids = new int[0x10000];
        final int[] widths = new int[0x10000];
        final FontObjects objects;

        SharedFont(Face face, String characters) {
            this.face = face;
            Arrays.fill(ids, -1);
            Arrays.fill(widths, -1);
            var numbering = new TrueTypeFile.Numbering();
            var sb = new StringBuilder(characters);
            for (char c = 0x20; c < 0x7f; c++) {
                sb.append(c);
            }
            Map<Integer, Integer> unicode = new TreeMap<>();
            sb.codePoints().distinct().forEach(cp -> {
                if ((Character.isWhitespace(cp) && cp != ' ') || cp >= 0x10000) {
                    return;
                }
                int glyph = face.glyph(cp);
                if (glyph > 0) {
                    int id = numbering.id(glyph);
                    ids[cp] = id;
                    widths[cp] = face.file.width(glyph);
                    unicode.putIfAbsent(id, cp);
                }
            });
            this.objects = FontObjects.of(face, numbering, unicode, Deflater.BEST_COMPRESSION);
        }
    }

    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private static final byte[] ICC = deflate(java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData(),
            Deflater.BEST_COMPRESSION);
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION));

    private final SharedFont shared;
    private final Face face;
    private final TrueTypeFile.Numbering numbering = new TrueTypeFile.Numbering();
    private final Map<Integer, Integer> documentUnicode = new TreeMap<>();
    private final List<StringBuilder> pages = new ArrayList<>();
    private final List<byte[]> attachmentStreams = new ArrayList<>();
    private final List<String[]> attachments = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private String title = "";
    private String author = "";
    private String subject;
    private StringBuilder content;

    /**
     * @param shared the precomputed subset for the document kind's fixed text (may be null)
     * @param face   the face the rest of the text is drawn from (the same design as the shared subset's)
     */
    PdfA3Writer(SharedFont shared, Face face) {
        this.shared = shared;
        this.face = face;
    }

    // ---- page content ---------------------------------------------------------------------------

    void newPage() {
        content = new StringBuilder(8 * 1024);
        pages.add(content);
    }

    /** Whether every character can be drawn (else the caller replaces it, see {@link CertificateRenderer#printable}). */
    boolean canDraw(int codePoint) {
        return sharedId(codePoint) >= 0 || face.has(codePoint);
    }

    private int sharedId(int codePoint) {
        return shared == null || codePoint >= 0x10000 ? -1 : shared.ids[codePoint];
    }

    /** The width of the text at the size, in points. */
    float width(CharSequence text, float size) {
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            units += advance(cp);
        }
        return units * size / 1000f;
    }

    /** The width of one character at the size, in points. */
    float width(int codePoint, float size) {
        return advance(codePoint) * size / 1000f;
    }

    private int advance(int codePoint) {
        int w = shared == null || codePoint >= 0x10000 ? -1 : shared.widths[codePoint];
        return w >= 0 ? w : face.advance(codePoint);
    }

    void fillRect(Rgb colour, float x, float y, float w, float h) {
        content.append("q ");
        colour(colour, "rg");
        num(x).num(y).num(w).num(h).op("re f Q\n");
    }

    void strokeRect(Rgb colour, float lineWidth, float x, float y, float w, float h) {
        content.append("q ");
        colour(colour, "RG");
        num(lineWidth).op("w ");
        num(x).num(y).num(w).num(h).op("re S Q\n");
    }

    /** One line of text with its baseline at (x, y). */
    void text(String text, float x, float y, float size, Rgb colour) {
        if (text.isEmpty()) {
            return;
        }
        content.append("BT ");
        colour(colour, "rg");
        num(x).num(y).op("Td ");
        int font = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int id = sharedId(cp);
            int which = 1;
            if (id < 0) {
                int glyph = face.glyph(cp);
                if (glyph < 0) {
                    continue; // never .notdef (PDF/A); callers make text printable first
                }
                id = numbering.id(glyph);
                documentUnicode.putIfAbsent(id, cp);
                which = 2;
            }
            if (which != font) {
                if (font != -1) {
                    content.append("> Tj ");
                }
                content.append(which == 1 ? "/F1 " : "/F2 ");
                num(size).op("Tf <");
                font = which;
            }
            hex4(id);
        }
        if (font != -1) {
            content.append("> Tj ");
        }
        content.append("ET\n");
    }

    /** A QR code's modules as filled squares in a square of the size at (x, y) (lower left), with a four-module quiet zone. */
    void qr(com.google.zxing.qrcode.encoder.ByteMatrix matrix, float x, float y, float size) {
        int modules = matrix.getWidth();
        int quiet = 4;
        float unit = size / (modules + 2 * quiet);
        content.append("q 0 0 0 rg ");
        num(unit).op("0 0 ");
        num(unit).num(x).num(y).op("cm\n");
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; ) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < modules && matrix.get(col, row) == 1) {
                    col++;
                }
                content.append(start + quiet).append(' ').append(modules + quiet - row - 1).append(' ').append(col - start).append(" 1 re ");
            }
        }
        content.append("f Q\n");
    }

    private void colour(Rgb c, String op) {
        num(c.r()).num(c.g()).num(c.b()).op(op).op(" ");
    }

    private PdfA3Writer op(String operator) {
        content.append(operator);
        return this;
    }

    private PdfA3Writer num(float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths < 0) {
            content.append('-');
            hundredths = -hundredths;
        }
        content.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            content.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                content.append(fraction % 10);
            }
        }
        content.append(' ');
        return this;
    }

    private void hex4(int id) {
        final String digits = "0123456789ABCDEF";
        content.append(digits.charAt((id >> 12) & 15)).append(digits.charAt((id >> 8) & 15))
                .append(digits.charAt((id >> 4) & 15)).append(digits.charAt(id & 15));
    }

    // ---- document -------------------------------------------------------------------------------

    void describe(String title, String author, String subject) {
        this.title = title;
        this.author = author;
        this.subject = subject;
    }

    /** An associated file (PDF/A-3), listed in the catalogue's /AF and the embedded-files name tree, as {@code /Data}. */
    void attach(String name, String description, String mediaType, byte[] bytes) {
        attach(name, description, mediaType, bytes, "Data");
    }

    /** Relationships of an associated file to the document (ISO 32000-2 14.13.2, PDF/A-3 6.8). */
    static final java.util.Set<String> RELATIONSHIPS = java.util.Set.of("Source", "Data", "Alternative", "Supplement", "Unspecified");

    /**
     * An associated file with its relationship to the document: {@code Alternative} when it is the
     * same content in another form (the XML of a hybrid invoice, as Factur-X embeds factur-x.xml).
     */
    void attach(String name, String description, String mediaType, byte[] bytes, String relationship) {
        if (!RELATIONSHIPS.contains(relationship)) {
            throw new IllegalArgumentException("not an AFRelationship: " + relationship);
        }
        attachments.add(new String[] {name, description, mediaType, String.valueOf(bytes.length), relationship});
        attachmentStreams.add(deflate(bytes, Deflater.DEFAULT_COMPRESSION));
    }

    /** The signature to put into the document: who signs, why, where; the CMS container over the digest of the signed bytes. */
    record Signature(String fieldName, String reason, String location, int reservedBytes, UnaryOperator<byte[]> container) {
    }

    byte[] finish() {
        return finish(null);
    }

    byte[] finish(Signature signature) {
        var out = new Output();
        out.raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        final int catalog = 1, pageTree = 2, info = 3, metadata = 4, icc = 5;
        int next = 6;
        int[] pageIds = new int[pages.size()];
        int[] contentIds = new int[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            pageIds[i] = next++;
            contentIds[i] = next++;
        }
        int font1 = shared == null ? 0 : next;
        if (shared != null) {
            next += 5; // Type0, CIDFont, descriptor, program, ToUnicode
        }
        boolean ownFont = numbering.size() > 1;
        int font2 = ownFont ? next : 0;
        if (ownFont) {
            next += 5;
        }
        int[] specIds = new int[attachments.size()];
        int[] fileIds = new int[attachments.size()];
        for (int i = 0; i < attachments.size(); i++) {
            specIds[i] = next++;
            fileIds[i] = next++;
        }
        int widget = 0, appearance = 0, sigDict = 0;
        if (signature != null) {
            widget = next++;
            appearance = next++;
            sigDict = next++;
        }
        int size = next;
        long[] offsets = new long[size];

        // Catalogue
        var names = new TreeMap<String, Integer>();
        var af = new StringBuilder();
        for (int i = 0; i < attachments.size(); i++) {
            names.put(attachments.get(i)[0], specIds[i]);
            af.append(specIds[i]).append(" 0 R ");
        }
        var cat = new StringBuilder("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R /Lang (zh-CN)")
                .append(" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)")
                .append(" /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile 5 0 R >>]");
        if (!attachments.isEmpty()) {
            cat.append(" /AF [").append(af).append("] /Names << /EmbeddedFiles << /Names [");
            names.forEach((key, id) -> cat.append(textString(key)).append(' ').append(id).append(" 0 R "));
            cat.append("] >> >>");
        }
        if (signature != null) {
            cat.append(" /AcroForm << /Fields [").append(widget).append(" 0 R] /SigFlags 3 >>");
        }
        cat.append(" >>");
        offsets[catalog] = out.object(catalog, cat);

        var kids = new StringBuilder();
        for (int id : pageIds) {
            kids.append(id).append(" 0 R ");
        }
        offsets[pageTree] = out.object(pageTree, "<< /Type /Pages /Kids [" + kids + "] /Count " + pageIds.length + " >>");

        String pdfDate = PDF_DATE.format(now);
        var infoDict = new StringBuilder("<< /Title ").append(textString(title)).append(" /Author ").append(textString(author));
        if (subject != null) {
            infoDict.append(" /Subject ").append(textString(subject));
        }
        infoDict.append(" /Creator (Alliance Chain Suite) /Producer (").append(PRODUCER).append(") /CreationDate (").append(pdfDate)
                .append(") /ModDate (").append(pdfDate).append(") >>");
        offsets[info] = out.object(info, infoDict);

        byte[] xmp = xmp().getBytes(StandardCharsets.UTF_8);
        offsets[metadata] = out.stream(metadata, "/Type /Metadata /Subtype /XML", xmp, false);
        offsets[icc] = out.stream(icc, "/N 3", ICC, true);

        var resources = new StringBuilder("/Resources << /Font <<");
        if (shared != null) {
            resources.append(" /F1 ").append(font1).append(" 0 R");
        }
        if (ownFont) {
            resources.append(" /F2 ").append(font2).append(" 0 R");
        }
        resources.append(" >> >>");
        for (int i = 0; i < pageIds.length; i++) {
            var page = new StringBuilder("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ").append(resources)
                    .append(" /Contents ").append(contentIds[i]).append(" 0 R");
            if (i == 0 && signature != null) {
                page.append(" /Annots [").append(widget).append(" 0 R]");
            }
            page.append(" >>");
            offsets[pageIds[i]] = out.object(pageIds[i], page);
            offsets[contentIds[i]] = out.stream(contentIds[i], "", deflate(pages.get(i).toString().getBytes(StandardCharsets.ISO_8859_1),
                    Deflater.DEFAULT_COMPRESSION), true);
        }
        if (shared != null) {
            writeFont(out, offsets, font1, shared.face, shared.objects);
        }
        if (ownFont) {
            writeFont(out, offsets, font2, face, FontObjects.of(face, numbering.copy(), documentUnicode, Deflater.DEFAULT_COMPRESSION));
        }
        for (int i = 0; i < attachments.size(); i++) {
            String[] a = attachments.get(i);
            offsets[specIds[i]] = out.object(specIds[i], "<< /Type /Filespec /F " + textString(a[0]) + " /UF " + textString(a[0])
                    + " /Desc " + textString(a[1]) + " /AFRelationship /" + a[4] + " /EF << /F " + fileIds[i] + " 0 R /UF " + fileIds[i] + " 0 R >> >>");
            offsets[fileIds[i]] = out.stream(fileIds[i], "/Type /EmbeddedFile /Subtype " + name(a[2]) + " /Params << /ModDate ("
                    + pdfDate + ") /Size " + a[3] + " >>", attachmentStreams.get(i), true);
        }
        int holeStart = -1, holeEnd = -1, rangeAt = -1;
        if (signature != null) {
            offsets[widget] = out.object(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + textString(signature.fieldName())
                    + " /V " + sigDict + " 0 R /Rect [0 0 0 0] /F 132 /P " + pageIds[0] + " 0 R /AP << /N " + appearance + " 0 R >> >>");
            offsets[appearance] = out.stream(appearance, "/Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources << >>", new byte[0], false);
            offsets[sigDict] = out.position();
            out.raw(sigDict + " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (" + pdfDate + ")");
            if (signature.reason() != null) {
                out.raw(" /Reason " + textString(signature.reason()));
            }
            if (signature.location() != null) {
                out.raw(" /Location " + textString(signature.location()));
            }
            out.raw(" /ByteRange [0 ");
            rangeAt = out.position();
            out.raw(" ".repeat(34) + "] /Contents ");
            holeStart = out.position();
            out.raw("<");
            out.raw("0".repeat(2 * signature.reservedBytes()));
            out.raw(">");
            holeEnd = out.position();
            out.raw(" >>\nendobj\n");
        }
        long xref = out.position();
        var table = new StringBuilder("xref\n0 ").append(size).append("\n0000000000 65535 f\r\n");
        for (int i = 1; i < size; i++) {
            String offset = Long.toString(offsets[i]);
            table.append("0".repeat(10 - offset.length())).append(offset).append(" 00000 n\r\n");
        }
        var identity = sha256();
        identity.update(xmp);
        pages.forEach(p -> identity.update(p.toString().getBytes(StandardCharsets.ISO_8859_1)));
        attachmentStreams.forEach(identity::update);
        String id = HexFormat.of().formatHex(identity.digest()).substring(0, 32);
        table.append("trailer\n<< /Size ").append(size).append(" /Root 1 0 R /Info 3 0 R /ID [<").append(id).append("> <").append(id)
                .append(">] >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.raw(table);
        byte[] pdf = out.bytes();
        if (signature == null) {
            return pdf;
        }
        String range = holeStart + " " + holeEnd + " " + (pdf.length - holeEnd);
        byte[] rangeBytes = range.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(rangeBytes, 0, pdf, rangeAt, rangeBytes.length);
        MessageDigest sha256 = sha256();
        sha256.update(pdf, 0, holeStart);
        sha256.update(pdf, holeEnd, pdf.length - holeEnd);
        byte[] cms = signature.container().apply(sha256.digest());
        if (2 * cms.length > 2 * signature.reservedBytes()) {
            throw new SignatureTooLarge(cms.length);
        }
        byte[] hex = HexFormat.of().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, pdf, holeStart + 1, hex.length);
        return pdf;
    }

    /** The signature container did not fit in the space reserved for it. */
    static final class SignatureTooLarge extends RuntimeException {
        final int size;

        SignatureTooLarge(int size) {
            super("the signature needs " + size + " bytes");
            this.size = size;
        }
    }

    private static void writeFont(Output out, long[] offsets, int first, Face face, FontObjects font) {
        String name = font.name();
        var metrics = face.program.getFontMetrics();
        int[] box = metrics.getBbox();
        offsets[first] = out.object(first, "<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts ["
                + (first + 1) + " 0 R] /ToUnicode " + (first + 4) + " 0 R >>");
        offsets[first + 1] = out.object(first + 1, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " + (first + 2)
                + " 0 R /DW 1000 /W [" + font.widths() + "] /CIDToGIDMap /Identity >>");
        offsets[first + 2] = out.object(first + 2, "<< /Type /FontDescriptor /FontName /" + name + " /Flags 4 /FontBBox [" + box[0] + " "
                + box[1] + " " + box[2] + " " + box[3] + "] /ItalicAngle " + (int) metrics.getItalicAngle() + " /Ascent "
                + metrics.getTypoAscender() + " /Descent " + metrics.getTypoDescender() + " /CapHeight " + metrics.getCapHeight()
                + " /StemV " + Math.max(1, metrics.getStemV()) + " /FontFile2 " + (first + 3) + " 0 R >>");
        offsets[first + 3] = out.stream(first + 3, "/Length1 " + font.programLength(), font.program(), true);
        offsets[first + 4] = out.stream(first + 4, "", font.toUnicode(), true);
    }

    /** /W for glyphs 1…n of a numbering: one run, widths in order. */
    private static String widthArray(Face face, TrueTypeFile.Numbering numbering) {
        var w = new StringBuilder("1 [");
        for (int id = 1; id < numbering.size(); id++) {
            w.append(face.file.width(numbering.oldIds.get(id))).append(' ');
        }
        return w.append(']').toString();
    }

    private static String subsetTag(TrueTypeFile.Numbering numbering) {
        int h = numbering.oldIds.hashCode();
        var tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Math.floorMod(h, 26)));
            h /= 26;
            h += 7919 * (i + 1);
        }
        return tag.toString();
    }

    private static byte[] toUnicodeCMap(Map<Integer, Integer> unicode) {
        var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
                + "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = new ArrayList<>(unicode.entrySet());
        for (int i = 0; i < entries.size(); i += 100) {
            var block = entries.subList(i, Math.min(entries.size(), i + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (var e : block) {
                cmap.append(String.format("<%04X> <", e.getKey()));
                for (char c : Character.toChars(e.getValue())) {
                    cmap.append(String.format("%04X", (int) c));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private String xmp() {
        String date = XMP_DATE.format(now);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n<dc:format>application/pdf</dc:format>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:creator><rdf:Seq><rdf:li>" + xml(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + (subject == null ? "" : "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(subject)
                + "</rdf:li></rdf:Alt></dc:description>\n")
                + "<xmp:CreatorTool>Alliance Chain Suite</xmp:CreatorTool>\n<xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
                + "<pdf:Producer>" + PRODUCER + "</pdf:Producer>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A PDF text string: literal for printable ASCII, else UTF-16BE with a byte-order mark, in hex. */
    static String textString(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii) {
            return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")";
        }
        return "<FEFF" + HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE)) + ">";
    }

    /** A PDF name, with the characters a name cannot hold written as #xx. */
    private static String name(String value) {
        var out = new StringBuilder("/");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x21 || c > 0x7e || "#()<>[]{}/%".indexOf(c) >= 0) {
                out.append('#').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static byte[] deflate(byte[] data, int level) {
        Deflater deflater = level == Deflater.DEFAULT_COMPRESSION ? DEFLATERS.get() : new Deflater(level);
        try {
            deflater.reset();
            deflater.setInput(data);
            deflater.finish();
            var out = new java.io.ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            if (level != Deflater.DEFAULT_COMPRESSION) {
                deflater.end();
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file being written, with the offsets objects start at. */
    private static final class Output {
        private byte[] buffer = new byte[64 * 1024];
        private int size;

        int position() {
            return size;
        }

        void raw(CharSequence text) {
            int n = text.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buffer[size++] = (byte) text.charAt(i);
            }
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        long object(int id, CharSequence dictionary) {
            long at = size;
            raw(id + " 0 obj\n");
            raw(dictionary);
            raw("\nendobj\n");
            return at;
        }

        long stream(int id, String entries, byte[] data, boolean deflated) {
            long at = size;
            raw(id + " 0 obj\n<< " + entries + (deflated ? " /Filter /FlateDecode" : "") + " /Length " + data.length + " >>\nstream\n");
            raw(data);
            raw("\nendstream\nendobj\n");
            return at;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}

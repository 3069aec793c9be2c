package org.alliancechain.evidence.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A reader for the files the verifier sees most: one revision, a classic cross-reference table,
 * no encryption — what {@code PdfA3Writer} writes. It reads just what verification needs (the
 * signature fields, the signature dictionary, the embedded files) from the bytes, instead of
 * building iText's document. Anything outside that shape — an incremental update, a
 * cross-reference stream, an encrypted or damaged file, a filter other than Flate — makes
 * {@link #read} answer null, and the verifier reads the file with iText as before. Nothing read
 * here is trusted before the signature over the whole file has been checked. Its syntax also
 * serves {@link #updateObjects}, which holds the bytes after a signed revision to the shape of an
 * incremental update (for {@link SignedRevisions}; the single-revision reading does not use it).
 */
final class SingleRevisionPdf {

    /** A PDF name, without its slash, #xx escapes decoded. */
    record Name(String value) {
    }

    /** A string's bytes (escapes and hex decoded). */
    record Str(byte[] bytes) {
        /** As PDF text strings are: UTF-16BE with a byte-order mark, UTF-8 with one, else PDFDocEncoding (Latin-1 here). */
        String text() {
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
                return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
            }
            if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
                return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    record Ref(int number, int generation) {
    }

    /** A stream: its dictionary and where its raw data lies in the file. */
    record Stream(Map<String, Object> dictionary, int start, int length) {
    }

    private static final int MAX_DEPTH = 32;
    /**
     * What all embedded files of one document may decode to, and how many there may be; a certificate holds a few KB
     * in three files. Beyond that — or with a name tree out of the ordinary — iText reads the file, with its own limits.
     */
    private static final int MAX_DECODED = 8 << 20;
    private static final int MAX_FILES = 256;
    private static final Object NULL = new Object();

    private final byte[] pdf;
    private final int[] offsets;
    private final int[] generations;
    private int decodedBudget = MAX_DECODED;
    private final Map<String, Object> trailer;
    private final Map<Integer, Object> objects = new HashMap<>();
    private int position;

    private SingleRevisionPdf(byte[] pdf, int[] offsets, int[] generations, Map<String, Object> trailer) {
        this.pdf = pdf;
        this.offsets = offsets;
        this.generations = generations;
        this.trailer = trailer;
    }

    /** The file read this way, or null when it is not a single-revision, unencrypted file with a classic table. */
    static SingleRevisionPdf read(byte[] pdf) {
        try {
            return parse(pdf);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SingleRevisionPdf parse(byte[] pdf) {
        // Earlier revisions inside the file are left to iText: they show as a /Prev in the trailer below.
        if (pdf.length < 32 || !startsWith(pdf, 0, "%PDF-")) {
            return null;
        }
        int end = pdf.length;
        while (end > 0 && isWhite(pdf[end - 1])) {
            end--;
        }
        if (!endsWith(pdf, end, "%%EOF")) {
            return null;
        }
        int startxref = lastIndexOf(pdf, "startxref", end);
        if (startxref < 0) {
            return null;
        }
        var reader = new SingleRevisionPdf(pdf, null, null, null);
        reader.position = startxref + "startxref".length();
        int xref = reader.integer();
        if (xref <= 0 || xref >= startxref || !startsWith(pdf, xref, "xref")) {
            return null;
        }
        reader.position = xref + 4;
        List<int[]> entries = new ArrayList<>();
        int size = reader.table(entries);
        if (size < 0) {
            return null;
        }
        var trailer = reader.value(0) instanceof Map<?, ?> map ? dictionary(map) : null;
        if (trailer == null || trailer.containsKey("Prev") || trailer.containsKey("Encrypt") || trailer.containsKey("XRefStm")
                || !(trailer.get("Size") instanceof Long declared) || declared != size || size > pdf.length) {
            return null;
        }
        int[] offsets = new int[size];
        int[] generations = new int[size];
        for (int[] entry : entries) {
            if (entry[1] <= 0 || entry[1] >= xref || offsets[entry[0]] != 0) {
                return null;
            }
            offsets[entry[0]] = entry[1];
            generations[entry[0]] = entry[2];
        }
        var result = new SingleRevisionPdf(pdf, offsets, generations, trailer);
        return result.catalog() == null ? null : result;
    }

    /**
     * A classic cross-reference section's subsections, read from just after its {@code xref} keyword up to and including
     * the {@code trailer} keyword: the entries in use as {number, offset, generation} into {@code entries}; returns
     * the size the table implies, or -1 when it is not well-formed.
     */
    private int table(List<int[]> entries) {
        int size = 0;
        while (true) {
            skipWhite();
            if (startsWith(pdf, position, "trailer")) {
                position += "trailer".length();
                return size;
            }
            int first = integer();
            int count = integer();
            if (first < 0 || count < 0 || count > pdf.length / 18) {
                return -1;
            }
            skipWhite();
            for (int i = 0; i < count; i++) {
                int at = position;
                if (at + 20 > pdf.length || pdf[at + 10] != ' ' || pdf[at + 16] != ' ') {
                    return -1;
                }
                int offset = Math.toIntExact(Long.parseLong(ascii(pdf, at, 10)));
                int generation = Integer.parseInt(ascii(pdf, at + 11, 5));
                char type = (char) pdf[at + 17];
                if (!isWhite(pdf[at + 18]) || !isWhite(pdf[at + 19])) {
                    return -1;
                }
                if (type == 'n') {
                    entries.add(new int[] {first + i, offset, generation});
                } else if (type != 'f') {
                    return -1;
                }
                size = Math.max(size, first + i + 1);
                position = at + 20;
            }
        }
    }

    /**
     * The indirect objects of one incremental update — the bytes from {@code from} (where the revision before it ends)
     * to {@code to} (where it ends) — read strictly: indirect objects, then a classic cross-reference section with its
     * trailer (or a cross-reference stream among the objects), {@code startxref} pointing at it and {@code %%EOF};
     * white-space and comments between them, end-of-line bytes after. Anything else — bytes that are no object, a
     * cut-off table, a {@code startxref} pointing elsewhere — throws, naming the byte where the update stops being one:
     * readers skip such bytes or guess what they mean, and what they guess was not checked. Stream data is skipped by
     * a direct {@code /Length}, else up to the first {@code endstream}. Each object comes as {number, generation,
     * offset, 1 if it is the revision's cross-reference stream else 0}.
     */
    static List<long[]> updateObjects(byte[] pdf, int from, int to) {
        var reader = new SingleRevisionPdf(pdf, null, null, null);
        reader.position = from;
        try {
            return reader.readUpdate(to);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("bytes that are no PDF syntax at byte " + reader.position, e);
        }
    }

    private List<long[]> readUpdate(int to) {
        List<long[]> objects = new ArrayList<>();
        int xref = -1;
        while (true) {
            skipWhite();
            int at = position;
            if (at >= to) {
                throw new IllegalStateException("no startxref and %%EOF before byte " + to);
            }
            if (startsWith(pdf, at, "xref")) {
                position = at + 4;
                if (xref >= 0 || table(new ArrayList<>()) < 0 || !(value(0) instanceof Map<?, ?>)) {
                    throw new IllegalStateException("a cross-reference section that is not well-formed at byte " + at);
                }
                xref = at;
            } else if (startsWith(pdf, at, "startxref")) {
                position = at + "startxref".length();
                long target = integer();
                if (target != xref) {
                    throw new IllegalStateException("startxref at byte " + at + " points at byte " + target
                            + ", not at this revision's cross-reference data");
                }
                while (position < to && isWhite(pdf[position])) {
                    position++;
                }
                if (!startsWith(pdf, position, "%%EOF") || position + 5 > to) {
                    throw new IllegalStateException("no %%EOF after startxref at byte " + at);
                }
                for (int i = position + 5; i < to; i++) {
                    if (pdf[i] != '\r' && pdf[i] != '\n') {
                        throw new IllegalStateException("bytes after %%EOF at byte " + i);
                    }
                }
                return objects;
            } else if (isDigit(pdf[at]) && xref < 0) {
                int number = integer();
                int generation = integer();
                skipWhite();
                if (!startsWith(pdf, position, "obj")) {
                    throw new IllegalStateException("bytes that are no object at byte " + at);
                }
                position += 3;
                Object value = value(0);
                skipWhite();
                boolean xrefStream = false;
                if (value instanceof Map<?, ?> map && startsWith(pdf, position, "stream")) {
                    skipStreamData(dictionary(map), to);
                    xrefStream = new Name("XRef").equals(map.get("Type"));
                }
                skipWhite();
                if (!startsWith(pdf, position, "endobj") || position > to) {
                    throw new IllegalStateException("object " + number + " at byte " + at + " does not end with endobj");
                }
                position += "endobj".length();
                objects.add(new long[] {number, generation, at, xrefStream ? 1 : 0});
                if (xrefStream) {
                    xref = at;
                }
            } else {
                throw new IllegalStateException("bytes that are no object at byte " + at);
            }
        }
    }

    /** From the {@code stream} keyword to just after {@code endstream}. */
    private void skipStreamData(Map<String, Object> dictionary, int to) {
        position += "stream".length();
        if (pdf[position] == '\r') {
            position++;
        }
        if (pdf[position] != '\n') {
            throw new IllegalStateException("stream keyword not followed by an end of line at byte " + position);
        }
        int start = position + 1;
        if (dictionary.get("Length") instanceof Long length) {
            if (length < 0 || start + length > to) {
                throw new IllegalStateException("a stream longer than its revision at byte " + start);
            }
            position = (int) (start + length);
        } else {
            position = start;
            while (position < to && !startsWith(pdf, position, "endstream")) {
                position++;
            }
        }
        while (position < to && (pdf[position] == '\r' || pdf[position] == '\n')) {
            position++;
        }
        if (!startsWith(pdf, position, "endstream")) {
            throw new IllegalStateException("stream data not followed by endstream at byte " + position);
        }
        position += "endstream".length();
    }

    Map<String, Object> catalog() {
        var root = dictionary(resolve(trailer.get("Root")));
        return root != null && new Name("Catalog").equals(root.get("Type")) ? root : null;
    }

    /** A direct value, or the object a reference points to (null for a missing or free object). */
    Object resolve(Object value) {
        return resolve(value, 0);
    }

    private Object resolve(Object value, int depth) {
        if (!(value instanceof Ref ref)) {
            return value == NULL ? null : value;
        }
        if (depth > MAX_DEPTH || ref.number() <= 0 || ref.number() >= offsets.length || offsets[ref.number()] == 0
                || generations[ref.number()] != ref.generation()) {
            return null;
        }
        Object known = objects.get(ref.number());
        if (known == null) {
            known = object(ref, depth);
            objects.put(ref.number(), known);
        }
        return known == NULL ? null : known;
    }

    private Object object(Ref ref, int depth) {
        position = offsets[ref.number()];
        int number = integer();
        int generation = integer();
        skipWhite();
        if (number != ref.number() || generation != ref.generation() || !startsWith(pdf, position, "obj")) {
            throw new IllegalStateException("object " + ref.number() + " is not where the table says");
        }
        position += 3;
        Object value = value(0);
        skipWhite();
        if (value instanceof Map<?, ?> map && startsWith(pdf, position, "stream")) {
            position += "stream".length();
            if (pdf[position] == '\r') {
                position++;
            }
            if (pdf[position] != '\n') {
                throw new IllegalStateException("stream keyword not followed by an end of line");
            }
            int start = position + 1;
            var streamDictionary = dictionary(map);
            int saved = position;
            Object length = resolve(streamDictionary.get("Length"), depth + 1);
            position = saved;
            if (!(length instanceof Long n) || n < 0 || start + n > pdf.length) {
                throw new IllegalStateException("stream without a usable /Length");
            }
            return new Stream(streamDictionary, start, n.intValue());
        }
        return value == null ? NULL : value;
    }

    /** A stream's data with its filters undone; only Flate (or none) is read. */
    byte[] data(Stream stream) {
        Object filter = resolve(stream.dictionary().get("Filter"));
        if (filter instanceof List<?> list && list.size() == 1) {
            filter = resolve(list.get(0));
        }
        if (filter == null) {
            return java.util.Arrays.copyOfRange(pdf, stream.start(), stream.start() + stream.length());
        }
        if (!new Name("FlateDecode").equals(filter) || stream.dictionary().containsKey("DecodeParms")) {
            throw new IllegalStateException("unsupported filter " + filter);
        }
        var inflater = new Inflater();
        try {
            inflater.setInput(pdf, stream.start(), stream.length());
            var out = new ByteArrayOutputStream(Math.max(64, stream.length() * 3));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated Flate data");
                }
                decodedBudget -= n;
                if (decodedBudget < 0) {
                    throw new IllegalStateException("embedded files decode to more than " + MAX_DECODED + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("bad Flate data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The embedded files by name (the catalogue's EmbeddedFiles name tree). A tree out of the ordinary — a node with
     * both /Names and /Kids, an odd /Names array, a key that is not a string, a name twice, a node visited twice —
     * throws, so that iText reads the file: readers differ on such trees, and ours must not differ from iText's.
     */
    Map<String, byte[]> embeddedFiles() {
        Map<String, byte[]> files = new HashMap<>();
        var names = dictionary(resolve(catalog().get("Names")));
        var tree = names == null ? null : dictionary(resolve(names.get("EmbeddedFiles")));
        if (tree != null) {
            collect(tree, files, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), 0);
        }
        return files;
    }

    private void collect(Map<String, Object> node, Map<String, byte[]> files, java.util.Set<Object> visited, int depth) {
        if (depth > MAX_DEPTH || !visited.add(node)) {
            throw new IllegalStateException("name tree too deep or with a node twice");
        }
        Object kids = resolve(node.get("Kids"));
        Object pairs = resolve(node.get("Names"));
        if (kids != null && pairs != null) {
            throw new IllegalStateException("a name-tree node with both /Kids and /Names");
        }
        if (kids instanceof List<?> list) {
            for (Object kid : list) {
                var child = dictionary(resolve(kid));
                if (child == null) {
                    throw new IllegalStateException("a name-tree kid that is not a dictionary");
                }
                collect(child, files, visited, depth + 1);
            }
        } else if (pairs instanceof List<?> list) {
            if (list.size() % 2 != 0) {
                throw new IllegalStateException("an odd /Names array");
            }
            for (int i = 0; i < list.size(); i += 2) {
                if (!(resolve(list.get(i)) instanceof Str name) || files.containsKey(name.text()) || files.size() >= MAX_FILES) {
                    throw new IllegalStateException("a name-tree key that is not a new string");
                }
                var spec = dictionary(resolve(list.get(i + 1)));
                var ef = spec == null ? null : dictionary(resolve(spec.get("EF")));
                if (ef != null && resolve(ef.get("F")) instanceof Stream stream) {
                    files.put(name.text(), data(stream));
                }
            }
        } else if (kids != null || pairs != null) {
            throw new IllegalStateException("/Kids or /Names is not an array");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dictionary(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    // ---- the syntax (ISO 32000-1 7.2, 7.3) ----

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("nesting too deep");
        }
        skipWhite();
        byte b = pdf[position];
        switch (b) {
            case '/':
                return name();
            case '(':
                return literal();
            case '[': {
                position++;
                List<Object> list = new ArrayList<>();
                while (true) {
                    skipWhite();
                    if (pdf[position] == ']') {
                        position++;
                        return list;
                    }
                    list.add(value(depth + 1));
                }
            }
            case '<':
                if (pdf[position + 1] == '<') {
                    position += 2;
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (true) {
                        skipWhite();
                        if (pdf[position] == '>' && pdf[position + 1] == '>') {
                            position += 2;
                            return map;
                        }
                        if (pdf[position] != '/') {
                            throw new IllegalStateException("dictionary key is not a name at " + position);
                        }
                        String key = name().value();
                        map.put(key, value(depth + 1));
                    }
                }
                return hex();
            default:
                break;
        }
        if (b == '+' || b == '-' || b == '.' || (b >= '0' && b <= '9')) {
            return numberOrReference();
        }
        String word = word();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> NULL;
            default -> throw new IllegalStateException("unexpected '" + word + "' at " + position);
        };
    }

    private Object numberOrReference() {
        int start = position;
        Object number = number();
        if (number instanceof Long first && first >= 0) {
            int afterFirst = position;
            skipWhite();
            if (position < pdf.length && isDigit(pdf[position])) {
                Object second = number();
                skipWhite();
                if (second instanceof Long generation && position < pdf.length && pdf[position] == 'R'
                        && (position + 1 == pdf.length || isDelimiterOrWhite(pdf[position + 1]))) {
                    position++;
                    return new Ref(Math.toIntExact(first), Math.toIntExact(generation));
                }
            }
            position = afterFirst;
        }
        if (position == start) {
            throw new IllegalStateException("not a number at " + start);
        }
        return number;
    }

    private Object number() {
        int start = position;
        while (position < pdf.length && !isDelimiterOrWhite(pdf[position])) {
            position++;
        }
        String text = ascii(pdf, start, position - start);
        if (text.indexOf('.') >= 0) {
            return Double.parseDouble(text);
        }
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    }

    private int integer() {
        skipWhite();
        return Math.toIntExact((Long) number());
    }

    private Name name() {
        position++;
        var out = new ByteArrayOutputStream();
        while (position < pdf.length && !isDelimiterOrWhite(pdf[position])) {
            byte b = pdf[position++];
            if (b == '#' && position + 1 < pdf.length) {
                out.write(Integer.parseInt(ascii(pdf, position, 2), 16));
                position += 2;
            } else {
                out.write(b);
            }
        }
        return new Name(out.toString(StandardCharsets.UTF_8));
    }

    private Str literal() {
        position++;
        var out = new ByteArrayOutputStream();
        int nesting = 0;
        while (true) {
            byte b = pdf[position++];
            if (b == '\\') {
                byte e = pdf[position++];
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case '\r' -> {
                        if (pdf[position] == '\n') {
                            position++;
                        }
                    }
                    case '\n' -> {
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int code = e - '0';
                            for (int i = 0; i < 2 && pdf[position] >= '0' && pdf[position] <= '7'; i++) {
                                code = code * 8 + (pdf[position++] - '0');
                            }
                            out.write(code & 0xff);
                        } else {
                            out.write(e);
                        }
                    }
                }
            } else if (b == '(') {
                nesting++;
                out.write(b);
            } else if (b == ')') {
                if (nesting-- == 0) {
                    return new Str(out.toByteArray());
                }
                out.write(b);
            } else if (b == '\r') {
                if (pdf[position] == '\n') {
                    position++;
                }
                out.write('\n');
            } else {
                out.write(b);
            }
        }
    }

    private Str hex() {
        position++;
        var out = new ByteArrayOutputStream();
        int high = -1;
        while (true) {
            byte b = pdf[position++];
            if (b == '>') {
                if (high >= 0) {
                    out.write(high << 4);
                }
                return new Str(out.toByteArray());
            }
            if (isWhite(b)) {
                continue;
            }
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                throw new IllegalStateException("not a hex digit at " + (position - 1));
            }
            if (high < 0) {
                high = digit;
            } else {
                out.write(high << 4 | digit);
                high = -1;
            }
        }
    }

    private String word() {
        int start = position;
        while (position < pdf.length && !isDelimiterOrWhite(pdf[position])) {
            position++;
        }
        return ascii(pdf, start, position - start);
    }

    private void skipWhite() {
        while (position < pdf.length) {
            byte b = pdf[position];
            if (isWhite(b)) {
                position++;
            } else if (b == '%') {
                while (position < pdf.length && pdf[position] != '\n' && pdf[position] != '\r') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    private static boolean isWhite(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isDelimiterOrWhite(byte b) {
        return isWhite(b) || b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
                || b == '/' || b == '%';
    }

    private static String ascii(byte[] bytes, int start, int length) {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        if (at < 0 || at + prefix.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] bytes, int end, String suffix) {
        return startsWith(bytes, end - suffix.length(), suffix);
    }

    private static int lastIndexOf(byte[] bytes, String what, int before) {
        for (int i = before - what.length(); i >= Math.max(0, before - 2048); i--) {
            if (startsWith(bytes, i, what)) {
                return i;
            }
        }
        return -1;
    }
}

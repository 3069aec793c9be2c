package org.alliancechain.evidence.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text recognition for {@link ContentType}: valid UTF-8 (or UTF-16 with a byte order mark) to the
 * last byte, with no control characters but tab, line feed, carriage return and form feed; then
 * JSON, markup, e-mail and delimited tables by cheap structural checks, else plain text.
 */
final class TextSniffer {

    /** Content up to this size is kept whole for the structural checks; beyond it, only its start is. */
    static final int WHOLE_TEXT_BYTES = 1024 * 1024;
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int TABLE_RECORDS = 50;
    private static final int JSON_DEPTH = 256;

    private static final Set<String> HTML_ELEMENTS = Set.of(
            "html", "head", "body", "script", "iframe", "frameset", "style", "title", "meta", "link", "base",
            "div", "span", "table", "form", "p", "a", "img", "object", "embed", "h1", "h2", "h3", "br");
    private static final Set<String> MAIL_HEADERS = Set.of(
            "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "received", "return-path",
            "reply-to", "sender", "content-type", "content-transfer-encoding", "delivered-to", "in-reply-to",
            "references", "dkim-signature", "x-mailer", "user-agent");
    private static final Set<String> MAIL_ANCHORS = Set.of("from", "received", "return-path", "message-id", "delivered-to");
    private static final Set<String> MAIL_TRANSPORT = Set.of("received", "return-path", "message-id", "delivered-to", "to");

    private TextSniffer() {
    }

    /** The text type of the content, or {@code null} when it is not text. */
    static ContentType sniff(byte[] b) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (ContentType.startsWith(b, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (ContentType.startsWith(b, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (ContentType.startsWith(b, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        }
        if (charset != StandardCharsets.UTF_8 && (b.length - start) % 2 != 0) {
            return null;
        }
        boolean whole = b.length <= WHOLE_TEXT_BYTES;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        Scan scan = new Scan(whole);
        CoderResult result;
        do {
            result = decoder.decode(in, out, true);
            if (result.isError() || !scan.take(out)) {
                return null;
            }
        } while (result.isOverflow());
        do {
            result = decoder.flush(out);
            if (result.isError() || !scan.take(out)) {
                return null;
            }
        } while (result.isOverflow());
        return classify(scan.sample.toString(), whole, scan.last);
    }

    /** The decoded characters: refused at the first control character, kept whole or up to the sample size. */
    private static final class Scan {
        final StringBuilder sample = new StringBuilder();
        final boolean whole;
        char last;

        Scan(boolean whole) {
            this.whole = whole;
        }

        /** Takes what the decoder wrote and empties the buffer; false at a control character. */
        boolean take(CharBuffer out) {
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (control(c)) {
                    return false;
                }
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                if (whole || sample.length() < SAMPLE_CHARS) {
                    sample.append(c);
                }
            }
            out.clear();
            return true;
        }
    }

    private static boolean control(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r' && c != '\f';
        }
        return c >= 0x7F && c <= 0x9F;
    }

    private static ContentType classify(String text, boolean whole, char last) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            char close = trimmed.charAt(0) == '{' ? '}' : ']';
            if (whole ? Json.valid(text) : last == close) {
                return ContentType.JSON;
            }
        }
        if (trimmed.startsWith("<")) {
            ContentType markup = markup(trimmed, last);
            if (markup != null) {
                return markup;
            }
        }
        ContentType message = message(text);
        if (message != null) {
            return message;
        }
        ContentType table = table(text, whole);
        return table != null ? table : ContentType.TEXT;
    }

    /** HTML, SVG or XML by the first element (after declarations, comments and the document type). */
    private static ContentType markup(String t, char last) {
        int pos = 0;
        while (true) {
            while (pos < t.length() && Character.isWhitespace(t.charAt(pos))) {
                pos++;
            }
            if (t.startsWith("<?", pos)) {
                int end = t.indexOf("?>", pos);
                if (end < 0) {
                    return null;
                }
                pos = end + 2;
            } else if (t.startsWith("<!--", pos)) {
                int end = t.indexOf("-->", pos + 4);
                if (end < 0) {
                    return null;
                }
                pos = end + 3;
            } else if (t.regionMatches(true, pos, "<!doctype", 0, 9)) {
                int end = t.indexOf('>', pos);
                int subset = t.indexOf('[', pos);
                if (subset >= 0 && (end < 0 || subset < end)) {
                    end = t.indexOf("]>", subset);
                }
                if (end < 0) {
                    return null;
                }
                String[] words = t.substring(pos + 9, end).trim().split("[\\s\\[>]+", 2);
                String root = words.length > 0 ? words[0].toLowerCase(Locale.ROOT) : "";
                if (root.equals("html")) {
                    return ContentType.HTML;
                }
                if (root.equals("svg")) {
                    return ContentType.SVG;
                }
                pos = end + 1;
            } else {
                break;
            }
        }
        if (pos + 1 >= t.length() || t.charAt(pos) != '<') {
            return null;
        }
        int nameEnd = pos + 1;
        while (nameEnd < t.length() && nameChar(t.charAt(nameEnd))) {
            nameEnd++;
        }
        String qualified = t.substring(pos + 1, nameEnd);
        String name = qualified.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            return null;
        }
        String local = name.substring(name.lastIndexOf(':') + 1);
        if (local.equals("svg")) {
            return ContentType.SVG;
        }
        if (HTML_ELEMENTS.contains(local)) {
            return ContentType.HTML;
        }
        if (!t.startsWith("<?xml") && last != '>') {
            return null;
        }
        return ubl(t, nameEnd, qualified);
    }

    /** A UBL invoice or credit note by its root element's name and namespace (XML names are case-sensitive); else XML. */
    private static ContentType ubl(String t, int nameEnd, String qualified) {
        int colon = qualified.indexOf(':');
        String prefix = colon < 0 ? "" : qualified.substring(0, colon);
        String local = qualified.substring(colon + 1);
        ContentType candidate = switch (local) {
            case "Invoice" -> ContentType.UBL_INVOICE;
            case "CreditNote" -> ContentType.UBL_CREDIT_NOTE;
            default -> null;
        };
        if (candidate == null) {
            return ContentType.XML;
        }
        String namespace = namespaceOf(t, nameEnd, prefix);
        return (UBL_NAMESPACE + local + "-2").equals(namespace) ? candidate : ContentType.XML;
    }

    private static final String UBL_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:";

    /** The namespace the root start tag (attributes from {@code from}) binds {@code prefix} to ("" for the default), or null. */
    private static String namespaceOf(String t, int from, String prefix) {
        String wanted = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        int i = from;
        while (i < t.length()) {
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (i >= t.length() || t.charAt(i) == '>' || t.charAt(i) == '/') {
                return null;
            }
            int nameStart = i;
            while (i < t.length() && nameChar(t.charAt(i))) {
                i++;
            }
            String attribute = t.substring(nameStart, i);
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (attribute.isEmpty() || i >= t.length() || t.charAt(i) != '=') {
                return null;
            }
            i++;
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (i >= t.length() || (t.charAt(i) != '"' && t.charAt(i) != '\'')) {
                return null;
            }
            char quote = t.charAt(i);
            int end = t.indexOf(quote, i + 1);
            if (end < 0) {
                return null;
            }
            if (attribute.equals(wanted)) {
                return t.substring(i + 1, end).strip();
            }
            i = end + 1;
        }
        return null;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.' || c == '-';
    }

    /**
     * RFC 5322 headers from the first line to the first empty line: an e-mail with at least two
     * well-known ones; a saved web page (MHTML) when the message is multipart/related and was
     * saved by a browser rather than sent (see {@link #savedPage}).
     */
    private static ContentType message(String text) {
        Map<String, String> found = new HashMap<>();
        int pos = 0;
        for (int line = 0; line < 200 && pos < text.length(); line++) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            String l = text.substring(pos, end);
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            pos = end + 1;
            if (l.isEmpty()) {
                break;
            }
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t') {
                if (line == 0) {
                    return null;
                }
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 1) {
                return null;
            }
            for (int i = 0; i < colon; i++) {
                char c = l.charAt(i);
                if (c < 0x21 || c > 0x7E) {
                    return null;
                }
            }
            String name = l.substring(0, colon).toLowerCase(Locale.ROOT);
            if (MAIL_HEADERS.contains(name) || name.equals("snapshot-content-location")) {
                found.putIfAbsent(name, l.substring(colon + 1).strip());
            }
        }
        if (savedPage(found)) {
            return ContentType.MHTML;
        }
        return found.size() >= 2 && found.keySet().stream().anyMatch(MAIL_ANCHORS::contains) ? ContentType.EML : null;
    }

    /**
     * MIME-Version and a top-level multipart/related body, and the marks of a browser's save rather
     * than of a sent message: Chrome's {@code Snapshot-Content-Location}, a {@code From: <Saved by …>},
     * or none of the headers mail transport adds (an HTML e-mail with inline images is multipart/related too).
     */
    private static boolean savedPage(Map<String, String> headers) {
        String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (!headers.containsKey("mime-version") || !type.startsWith("multipart/related")) {
            return false;
        }
        if (headers.containsKey("snapshot-content-location") || headers.getOrDefault("from", "").toLowerCase(Locale.ROOT).contains("saved by")) {
            return true;
        }
        return MAIL_TRANSPORT.stream().noneMatch(headers::containsKey);
    }

    /** CSV (comma or semicolon) or TSV: at least two records, all with the same number (two or more) of fields. */
    private static ContentType table(String text, boolean whole) {
        if (consistentFields(text, '\t', whole)) {
            return ContentType.TSV;
        }
        if (consistentFields(text, ',', whole) || consistentFields(text, ';', whole)) {
            return ContentType.CSV;
        }
        return null;
    }

    private static boolean consistentFields(String text, char delimiter, boolean whole) {
        int expected = -1;
        int records = 0;
        int fields = 1;
        boolean quoted = false;
        boolean empty = true;
        for (int i = 0; i < text.length() && records < TABLE_RECORDS; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                empty = false;
            } else if (quoted) {
                empty = false;
            } else if (c == delimiter) {
                fields++;
                empty = false;
            } else if (c == '\n') {
                if (empty && fields == 1) {
                    return false; // an empty line inside a table
                }
                if (expected < 0) {
                    expected = fields;
                } else if (fields != expected) {
                    return false;
                }
                records++;
                fields = 1;
                empty = true;
            } else if (c != '\r') {
                empty = false;
            }
        }
        if (records < TABLE_RECORDS && whole) {
            if (quoted) {
                return false;
            }
            if (!empty || fields > 1) {
                if (expected >= 0 && fields != expected) {
                    return false;
                }
                if (expected < 0) {
                    expected = fields;
                }
                records++;
            }
        }
        return records >= 2 && expected >= 2;
    }

    /** A strict RFC 8259 validator whose top level must be an object or an array. */
    private static final class Json {

        private static final RuntimeException INVALID = new RuntimeException(null, null, false, false) {
        };

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static boolean valid(String s) {
            Json json = new Json(s);
            try {
                json.space();
                char first = json.peek();
                if (first != '{' && first != '[') {
                    return false;
                }
                json.value(0);
                json.space();
                return json.i == s.length();
            } catch (RuntimeException e) {
                return false;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw INVALID;
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw INVALID;
            }
            i++;
        }

        private void space() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
                i++;
            }
        }

        private void value(int depth) {
            if (depth > JSON_DEPTH) {
                throw INVALID;
            }
            char c = peek();
            switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> number();
            }
        }

        private void object(int depth) {
            expect('{');
            space();
            if (peek() == '}') {
                i++;
                return;
            }
            while (true) {
                space();
                string();
                space();
                expect(':');
                space();
                value(depth + 1);
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return;
                }
            }
        }

        private void array(int depth) {
            expect('[');
            space();
            if (peek() == ']') {
                i++;
                return;
            }
            while (true) {
                space();
                value(depth + 1);
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return;
                }
            }
        }

        private void string() {
            expect('"');
            while (true) {
                char c = peek();
                i++;
                if (c == '"') {
                    return;
                }
                if (c < 0x20) {
                    throw INVALID;
                }
                if (c == '\\') {
                    char e = peek();
                    i++;
                    if (e == 'u') {
                        for (int k = 0; k < 4; k++) {
                            char h = peek();
                            if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F')) {
                                throw INVALID;
                            }
                            i++;
                        }
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        throw INVALID;
                    }
                }
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw INVALID;
            }
            i += word.length();
        }

        private void number() {
            if (peek() == '-') {
                i++;
            }
            if (peek() == '0') {
                i++;
            } else {
                digits();
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                digits();
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (peek() == '+' || peek() == '-') {
                    i++;
                }
                digits();
            }
        }

        private void digits() {
            int from = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == from) {
                throw INVALID;
            }
        }
    }
}

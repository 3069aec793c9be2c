package org.alliancechain.copyright.fingerprint.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.VersionInfo;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Canonical text of a work (copyright.md §2.1) with an offset map back to the source text.
 *
 * <p>Steps, applied to every source code point in order:
 * <ol>
 *   <li>(HTML only) main text extracted with jsoup + readability4j; the parser never runs scripts and fetches nothing:
 *       jsoup only builds a DOM, readability only walks it; the extractor name and version are kept in {@link #extractor()}.
 *   <li>ISCC {@code text_collapse}: NFD; whitespace deleted; lower-case; characters of Unicode general category C*, M*
 *       or P* deleted; NFKC. The collapse is applied per source code point so that each canonical character knows the
 *       source span it came from; {@link #isccCollapsed()} is the exact whole-string ISCC collapse (they differ only where
 *       NFKC composes across code points, e.g. conjoining Hangul jamo), and the ISCC Text-Code is computed from it.
 *   <li>Traditional → Simplified with ICU4J {@code Traditional-Simplified}, per character (the transform is character-based:
 *       臺灣 → 台湾, 網際網路 → 网际网路, vocabulary is not changed).
 * </ol>
 *
 * <p>Latin words: source text is split on whitespace into tokens; every canonical character remembers the token it
 * came from ({@link #tokenOf(int)}), so word shingles use the collapsed tokens; CJK characters (Han, Hiragana, Katakana,
 * Hangul, Bopomofo) always stand alone, even when no whitespace separates them from Latin letters.
 */
public final class CanonicalText {

    /** Characters whose script is CJK form character shingles; all others form word shingles. */
    public static boolean isCjk(int cp) {
        if (cp < 0x80) {
            return false;
        }
        if (cp < 0x10000) {
            byte known = CJK[cp];
            if (known == 0) {
                known = cjkScript(cp) ? (byte) 2 : (byte) 1;
                CJK[cp] = known; // benign race: every thread computes the same value
            }
            return known == 2;
        }
        return cjkScript(cp);
    }

    private static boolean cjkScript(int cp) {
        int script = UScript.getScript(cp);
        return script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                || script == UScript.HANGUL || script == UScript.BOPOMOFO;
    }

    /** isCjk of the BMP, filled as met: 0 unknown, 1 no, 2 yes. */
    private static final byte[] CJK = new byte[0x10000];

    public static final String ICU_VERSION = VersionInfo.ICU_VERSION.toString();
    public static final String EXTRACTOR_PLAIN = "plain";
    public static final String EXTRACTOR_HTML = "jsoup-" + versionOf(Jsoup.class, "1.24.1")
            + "+readability4j-" + versionOf(Readability4J.class, "1.0.8");

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final ThreadLocal<Transliterator> T2S =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ConcurrentHashMap<Integer, String> T2S_CACHE = new ConcurrentHashMap<>();

    private final String source;
    private final String extractor;
    private final String canonical;
    private volatile String isccCollapsed;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final int[] token;

    private CanonicalText(String source, String extractor, String canonical, String isccCollapsed, int[] sourceStart,
            int[] sourceEnd, int[] token) {
        this.source = source;
        this.extractor = extractor;
        this.canonical = canonical;
        this.isccCollapsed = isccCollapsed;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.token = token;
    }

    /** Canonical text of plain text. */
    public static CanonicalText ofPlain(String text) {
        return build(text == null ? "" : text, EXTRACTOR_PLAIN);
    }

    /** Canonical text of an HTML page: its main text (readability4j), the whole body's text when readability finds none. */
    public static CanonicalText ofHtml(String html) {
        return build(extractMainText(html == null ? "" : html), EXTRACTOR_HTML);
    }

    /** Main text of an HTML page, paragraphs separated by new lines. Never executes scripts, never fetches anything. */
    public static String extractMainText(String html) {
        Document doc = Jsoup.parse(html, "http://localhost/");
        doc.select("script, style, noscript, iframe, object, embed, template").remove();
        String mainHtml = null;
        try {
            Article article = new Readability4J("http://localhost/", doc.clone()).parse();
            mainHtml = article.getContent();
        } catch (RuntimeException | LinkageError e) {
            mainHtml = null; // readability gave up on this page: the body's text is used
        }
        Element root = mainHtml == null || mainHtml.isBlank() ? doc.body() : Jsoup.parseBodyFragment(mainHtml).body();
        if (root == null) {
            return "";
        }
        String text = blockText(root).strip();
        if (text.isEmpty() && doc.body() != null && root != doc.body()) {
            text = blockText(doc.body()).strip();
        }
        return text;
    }

    private static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br")) && !sb.isEmpty()
                        && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
            }
        }, root);
        return sb.toString();
    }

    private static CanonicalText build(String source, String extractor) {
        int n = source.length();
        int cap = Math.max(16, n);
        char[] out = new char[cap];
        int len = 0;
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int[] tokens = new int[cap];
        int tokenNo = -1;
        boolean inToken = false;
        boolean lastCjk = false;
        int i = 0;
        while (i < n) {
            char ch = source.charAt(i);
            int cp = Character.isHighSurrogate(ch) ? source.codePointAt(i) : ch;
            int next = i + Character.charCount(cp);
            Mapped m = mapped(cp);
            if (m.whitespace) {
                inToken = false;
                i = next;
                continue;
            }
            for (int k = 0; k < m.chars.length; k++) {
                boolean cjk = m.cjk[k];
                if (m.startsCodePoint[k]) {
                    if (cjk || !inToken || lastCjk) {
                        tokenNo++;
                    }
                    inToken = true;
                    lastCjk = cjk;
                }
                if (len == out.length) {
                    int grown = out.length * 2;
                    out = Arrays.copyOf(out, grown);
                    starts = Arrays.copyOf(starts, grown);
                    ends = Arrays.copyOf(ends, grown);
                    tokens = Arrays.copyOf(tokens, grown);
                }
                out[len] = m.chars[k];
                starts[len] = i;
                ends[len] = next;
                tokens[len] = tokenNo;
                len++;
            }
            i = next;
        }
        return new CanonicalText(source, extractor, new String(out, 0, len), null, Arrays.copyOf(starts, len),
                Arrays.copyOf(ends, len), Arrays.copyOf(tokens, len));
    }

    /**
     * What one source code point becomes — whitespace, or its collapse, Traditional → Simplified, as UTF-16 chars with
     * the CJK flag of the code point each char belongs to — computed once per code point (the steps are per code point,
     * so the table changes nothing but the time).
     */
    private static final class Mapped {
        final boolean whitespace;
        final char[] chars;
        final boolean[] cjk;
        final boolean[] startsCodePoint;
        /** The code point's own ISCC collapse (no Traditional → Simplified); empty for whitespace. */
        final String iscc;
        /**
         * True when the whole-string ISCC collapse of any text of such code points is the concatenation of their own
         * collapses: NFD leaves the code point alone and it does not combine with its neighbours, its lower case does
         * not depend on them (not Σ), both whitespace tests agree on it, and what it keeps has an NFKC boundary before
         * it (combining marks, which NFKC would join to a letter before them, are dropped before NFKC runs). Ordinary
         * Chinese and English text is all such code points.
         */
        final boolean isccInert;

        Mapped(int cp) {
            whitespace = UCharacter.isUWhiteSpace(cp) || Character.isWhitespace(cp);
            StringBuilder sb = new StringBuilder(2);
            StringBuilder flags = new StringBuilder(2);
            iscc = whitespace ? "" : collapseCodePoint(cp);
            isccInert = whitespace == pythonWhitespace(cp) && NFD.isInert(cp) && cp != 0x03A3 && keptHasBoundaries(cp);
            if (!whitespace) {
                String collapsed = iscc;
                for (int k = 0; k < collapsed.length(); ) {
                    int c = collapsed.codePointAt(k);
                    k += Character.charCount(c);
                    String simplified = simplify(c);
                    for (int m = 0; m < simplified.length(); ) {
                        int s = simplified.codePointAt(m);
                        m += Character.charCount(s);
                        boolean cjk = isCjk(s);
                        sb.appendCodePoint(s);
                        flags.append(cjk ? 'C' : 'o');
                        if (Character.charCount(s) == 2) {
                            flags.append(cjk ? 'c' : '-');
                        }
                    }
                }
            }
            chars = sb.toString().toCharArray();
            cjk = new boolean[chars.length];
            startsCodePoint = new boolean[chars.length];
            for (int k = 0; k < chars.length; k++) {
                char f = flags.charAt(k);
                cjk[k] = f == 'C' || f == 'c';
                startsCodePoint[k] = f == 'C' || f == 'o';
            }
        }
    }

    private static final Mapped[] MAPPED_BMP = new Mapped[0x10000];
    private static final ConcurrentHashMap<Integer, Mapped> MAPPED_SUPPLEMENTARY = new ConcurrentHashMap<>();

    private static Mapped mapped(int cp) {
        if (cp < 0x10000) {
            Mapped m = MAPPED_BMP[cp];
            if (m == null) {
                m = new Mapped(cp);
                MAPPED_BMP[cp] = m; // benign race: final fields, every thread computes the same mapping
            }
            return m;
        }
        return MAPPED_SUPPLEMENTARY.computeIfAbsent(cp, Mapped::new);
    }

    /**
     * Whether what a code point keeps after lower-casing and dropping C, M, P has an NFKC boundary before each of its code
     * points: NFKC then never joins it with what comes before, so the collapse can be split there.
     */
    private static boolean keptHasBoundaries(int cp) {
        String lower = UCharacter.toLowerCase(java.util.Locale.ROOT, new String(Character.toChars(cp)));
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (!dropped(c) && !NFKC.hasBoundaryBefore(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #isccCollapse} from the per-code-point table when every code point of the text is ISCC-inert (see
     * {@link Mapped#isccInert}): the same string, without normalising, lower-casing and normalising the whole text again;
     * null when a code point is not, and the whole-string collapse must run.
     */
    static String isccCollapseByCodePoint(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Mapped m = mapped(cp);
            if (!m.isccInert) {
                return null;
            }
            out.append(m.iscc);
        }
        return out.toString();
    }

    private static String collapseCodePoint(int cp) {
        String d = NFD.normalize(new String(Character.toChars(cp)));
        String lower = UCharacter.toLowerCase(java.util.Locale.ROOT, d);
        StringBuilder kept = new StringBuilder(lower.length());
        lower.codePoints().filter(c -> !dropped(c)).forEach(kept::appendCodePoint);
        return NFKC.normalize(kept);
    }

    private static String simplify(int cp) {
        if (cp < 0x2E80) {
            return new String(Character.toChars(cp));
        }
        return T2S_CACHE.computeIfAbsent(cp, c -> T2S.get().transliterate(new String(Character.toChars(c))));
    }

    /** True for characters whose general category starts with C, M or P. */
    static boolean dropped(int cp) {
        int type = UCharacter.getType(cp);
        return switch (type) {
            case UCharacterCategory.CONTROL, UCharacterCategory.FORMAT, UCharacterCategory.PRIVATE_USE,
                    UCharacterCategory.SURROGATE, UCharacterCategory.UNASSIGNED,
                    UCharacterCategory.NON_SPACING_MARK, UCharacterCategory.ENCLOSING_MARK,
                    UCharacterCategory.COMBINING_SPACING_MARK,
                    UCharacterCategory.DASH_PUNCTUATION, UCharacterCategory.START_PUNCTUATION,
                    UCharacterCategory.END_PUNCTUATION, UCharacterCategory.CONNECTOR_PUNCTUATION,
                    UCharacterCategory.OTHER_PUNCTUATION, UCharacterCategory.INITIAL_PUNCTUATION,
                    UCharacterCategory.FINAL_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * ISCC {@code text_collapse} of the whole string, exactly as iscc_core does it: NFD; all whitespace removed
     * (Python {@code str.split()} whitespace); lower-case; categories C, M, P removed; NFKC.
     */
    public static String isccCollapse(String text) {
        String d = NFD.normalize(text == null ? "" : text);
        StringBuilder noSpace = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int c = d.codePointAt(i);
            i += Character.charCount(c);
            if (!pythonWhitespace(c)) {
                noSpace.appendCodePoint(c);
            }
        }
        String lower = UCharacter.toLowerCase(java.util.Locale.ROOT, noSpace.toString());
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (!dropped(c)) {
                kept.appendCodePoint(c);
            }
        }
        return NFKC.normalize(kept);
    }

    private static boolean pythonWhitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1C && c <= 0x1F) || c == 0x85;
    }

    private static String versionOf(Class<?> type, String fallback) {
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? fallback : v;
    }

    /** The text the canonical form was made from (for HTML: the extracted main text). */
    public String source() {
        return source;
    }

    /** Extractor name and version ({@code plain} for plain text). */
    public String extractor() {
        return extractor;
    }

    /** Canonical text: collapsed, Traditional → Simplified (input of MinHash, chunks and winnowing). */
    public String text() {
        return canonical;
    }

    /** Whole-string ISCC collapse, without Traditional → Simplified (input of the ISCC Text-Code). */
    public String isccCollapsed() {
        String c = isccCollapsed;
        if (c == null) {
            // only registration needs it (the ISCC Text-Code): computed when first asked for, from the table when it can be
            c = isccCollapseByCodePoint(source);
            if (c == null) {
                c = isccCollapse(source);
            }
            isccCollapsed = c;
        }
        return c;
    }

    public int length() {
        return canonical.length();
    }

    /** Source offset (UTF-16, inclusive) of the character at canonical index {@code i}. */
    public int sourceStart(int i) {
        return sourceStart[i];
    }

    /** Source offset (UTF-16, exclusive) of the end of the character at canonical index {@code i}. */
    public int sourceEnd(int i) {
        return sourceEnd[i];
    }

    /** Word token number of canonical character {@code i} (every CJK character is a token of its own). */
    public int tokenOf(int i) {
        return token[i];
    }

    /** The source text behind canonical range [from, to). */
    public String quote(int from, int to) {
        if (from >= to) {
            return "";
        }
        return source.substring(sourceStart[from], sourceEnd[to - 1]);
    }
}

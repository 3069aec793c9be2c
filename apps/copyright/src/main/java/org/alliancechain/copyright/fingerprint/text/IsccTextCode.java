package org.alliancechain.copyright.fingerprint.text;

import com.dynatrace.hash4j.hashing.Hasher32;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * ISCC Text-Code v0 (ISO 24138; copyright.md §2.7), for interoperability only: we store the 256-bit digest and never
 * match on it.
 *
 * <p>Input: the ISCC collapse ({@link CanonicalText#isccCollapse}). Features: XXH32 (seed 0, hash4j) of the UTF-8 bytes of
 * every window of 13 code points (one window of the whole text when shorter, also for the empty text). 64 permutations
 * {@code (((a·f + b) mod 2^64) mod (2^61 − 1)) mod 2^32} with the {@code MPA}/{@code MPB} constants of iscc_core
 * minhash.py; digest = bit 0 of all 64 minima, then bit 1, 2, 3 (256 bits, most significant first). Code: 2-byte header
 * (MainType CONTENT = 2, SubType TEXT = 0, version 0, length index bits/32 − 1), then the first bits/8 digest bytes,
 * RFC 4648 base32 without padding, prefixed {@code ISCC:}.
 */
public final class IsccTextCode {

    public static final int NGRAM = 13;
    private static final Hasher32 XXH32 = Hashing.xxh32();
    private static final long MPRIME = (1L << 61) - 1;
    private static final long[] MPA = {
        853146490016488653L, 1849332765672628665L, 1131688930666554379L, 1936485333668353377L, 890837126813020267L,
        1988249303247129861L, 1408894512544874755L, 2140251716176616185L, 1755124413189049421L, 1355916793659431597L,
        546586563822844083L, 497603761441203021L, 2000709902557454173L, 1057597903350092207L, 1576204252850880253L,
        2078784234495706739L, 1022616668454863635L, 2150082342606334489L, 712341150087765807L, 1511757510246096559L,
        1525853819909660573L, 1263771796138990131L, 1215963627200985263L, 590069150281426443L, 130824646248385081L,
        962725325544728503L, 1702561325943522847L, 296074222435072629L, 490211158716051523L, 1255327197241792767L,
        699458998727907367L, 32930168991409845L, 1985097843455124585L, 362027841570125531L, 1903252144040897835L,
        900391845076405289L, 547470123601853551L, 1689373724032359119L, 845594231933442371L, 400331968021206285L,
        174967108345233429L, 876513700861085019L, 505848386844809885L, 1920468508342256199L, 1292611725303815789L,
        963317239501343903L, 1730880032297268007L, 284614929850059717L, 1185026248283273081L, 2167288823816985197L,
        1214905315086686483L, 1555253098157439857L, 1048013650291539723L, 1238618594841147605L, 1213502582686547311L,
        286300733803129311L, 1250358511639043529L, 407534797452854371L, 960869149538623787L, 1722699901467253087L,
        1325704236119824319L, 196979859428570839L, 1669408735473259699L, 781336617016068757L};
    private static final long[] MPB = {
        1089606993368836715L, 726972438868274737L, 66204585613901025L, 1078410179646709132L, 1343470117098523467L,
        698653121981343911L, 1248486536592473639L, 1447963007834012793L, 1034598851883537815L, 1474008409379745934L,
        793773480906057541L, 980501101461882479L, 963941556313537655L, 233651787311327325L, 243905121737149907L,
        570269452476776142L, 297633284648631084L, 1516796967247398557L, 1494795672066692649L, 1728741177365151059L,
        1029197538967983408L, 1660732464170610344L, 1399769594446678069L, 506465470557005705L, 1279720146829545181L,
        860096419955634036L, 411519685280832908L, 69539191273403207L, 1960489729088056217L, 605092075716397684L,
        1017496016211653149L, 1304834535101321372L, 949013511180032347L, 1142776242221098779L, 576980004709031232L,
        1071272177143100544L, 1494527341093835499L, 1073290814142727850L, 1285904200674942617L, 1277176606329477335L,
        343788427301735585L, 2100915269685487331L, 1227711252031557450L, 18593166391963377L, 2101884148332688233L,
        191808277534686888L, 2170124912729392024L, 918430470748151293L, 1831024560113812361L, 1951365515851067694L,
        744352348473654499L, 1921518311887826722L, 2020165648600700886L, 1764930142256726985L, 1903893374912839788L,
        1449378957774802122L, 1435825328374066345L, 833197549717762813L, 2238991044337210799L, 748955638857938366L,
        1834583747494146901L, 222012292803592982L, 901238460725547841L, 1501611130776083278L};

    private IsccTextCode() {
    }

    /**
     * The 256-bit soft hash of an already collapsed text. The UTF-8 bytes of the text are encoded once and each window's
     * bytes hashed in place; {@code x mod (2^61 − 1)} is reduced with shifts (2^61 ≡ 1), equal to iscc_core's unsigned
     * remainder for every 64-bit x.
     */
    public static byte[] digest256(String collapsed) {
        byte[] utf8 = collapsed.getBytes(StandardCharsets.UTF_8);
        int codePoints = collapsed.codePointCount(0, collapsed.length());
        // byte offset of every code point, and the end
        int[] offsets = new int[codePoints + 1];
        int cp = 0;
        for (int b = 0; b < utf8.length; b++) {
            if ((utf8[b] & 0xC0) != 0x80) {
                offsets[cp++] = b;
            }
        }
        offsets[codePoints] = utf8.length;
        int windows = Math.max(codePoints - NGRAM + 1, 1);
        long[] features = new long[windows];
        for (int w = 0; w < windows; w++) {
            int from = offsets[w];
            int to = offsets[Math.min(w + NGRAM, codePoints)];
            features[w] = Integer.toUnsignedLong(XXH32.hashBytesToInt(utf8, from, to - from));
        }
        // permutation by permutation over all features: a running minimum in a register (≈ 25 % faster than the
        // features outside and 64 minima in memory)
        long[] minima = new long[64];
        for (int i = 0; i < 64; i++) {
            long a = MPA[i];
            long b = MPB[i];
            long min = Long.MAX_VALUE;
            for (long f : features) {
                min = Math.min(min, mersenneRemainder(a * f + b) & 0xFFFFFFFFL);
            }
            minima[i] = min;
        }
        byte[] out = new byte[32];
        int bit = 0;
        for (int lsb = 0; lsb < 4; lsb++) {
            for (int i = 0; i < 64; i++, bit++) {
                if (((minima[i] >>> lsb) & 1) != 0) {
                    out[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
                }
            }
        }
        return out;
    }

    /** {@code Long.remainderUnsigned(x, 2^61 − 1)} without a division. */
    static long mersenneRemainder(long x) {
        // x = hi·2^61 + lo ≡ hi + lo (mod 2^61 − 1), hi + lo ≤ 2^61 + 6: at most one subtraction, done without a branch
        long t = (x & MPRIME) + (x >>> 61) - MPRIME;
        return t + (MPRIME & (t >> 63));
    }

    /** {@code ISCC:…} Text-Code of plain text with {@code bits} (32…256, multiple of 32). */
    public static String code(String text, int bits) {
        return encode(digest256(CanonicalText.isccCollapse(text)), bits);
    }

    /** {@code ISCC:…} Text-Code from a 256-bit digest. */
    public static String encode(byte[] digest256, int bits) {
        if (bits < 32 || bits > 256 || bits % 32 != 0) {
            throw new IllegalArgumentException("bits must be a multiple of 32 between 32 and 256");
        }
        byte[] body = new byte[2 + bits / 8];
        body[0] = (byte) (2 << 4); // MainType CONTENT, SubType TEXT
        body[1] = (byte) (bits / 32 - 1); // version 0, length index
        System.arraycopy(digest256, 0, body, 2, bits / 8);
        return "ISCC:" + base32(body);
    }

    static String base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bitsLeft = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bitsLeft += 8;
            while (bitsLeft >= 5) {
                sb.append(alphabet.charAt((buffer >>> (bitsLeft - 5)) & 31));
                bitsLeft -= 5;
            }
        }
        if (bitsLeft > 0) {
            sb.append(alphabet.charAt((buffer << (5 - bitsLeft)) & 31));
        }
        return sb.toString();
    }
}

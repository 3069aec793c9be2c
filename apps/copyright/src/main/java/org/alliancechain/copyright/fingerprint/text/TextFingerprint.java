package org.alliancechain.copyright.fingerprint.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.chain.api.MerkleTree;

/**
 * The text fingerprint record of a work (copyright.md §8), kept off chain; its {@link #digest()} is anchored on chain.
 *
 * <p>Canonical serialisation ({@link #toBytes()}), big-endian: magic {@code "ACTF"}, format version 2 (byte); the
 * {@code alg} descriptor as a count and sorted (key, value) UTF-8 strings; canonical length (int); 128 document MinHash
 * values (int each); 32 document band keys (long each); chunk count (int) and per chunk its canonical start and end,
 * source start and end (int), 64 MinHash values (int), 16 band keys (long); the 32-byte Merkle root; the 32-byte ISCC
 * digest; anchor count (int) and the {@link Anchors} (long each). The same record always gives the same bytes, so
 * {@code digest = SHA-256(toBytes())} is reproducible.
 *
 * <p>Versions: 1 had no anchors (records of version 1 are refused: recompute them from the canonical text, which the
 * service keeps); 2 added the anchors.
 */
public record TextFingerprint(Map<String, String> alg, int canonicalLength, int[] minhash, long[] bandKeys,
        List<Chunk> chunks, byte[] merkleRoot, byte[] iscc256, long[] anchors) {

    public static final int FORMAT_VERSION = 2;

    /** A record without anchors (such a work is found by its document and chunk bands only). */
    public TextFingerprint(Map<String, String> alg, int canonicalLength, int[] minhash, long[] bandKeys,
            List<Chunk> chunks, byte[] merkleRoot, byte[] iscc256) {
        this(alg, canonicalLength, minhash, bandKeys, chunks, merkleRoot, iscc256, new long[0]);
    }

    private static final byte[] MAGIC = {'A', 'C', 'T', 'F'};

    /** A content-defined chunk: canonical and source ranges, 64-permutation MinHash, 16 band keys. */
    public record Chunk(int canonicalStart, int canonicalEnd, int sourceStart, int sourceEnd, int[] minhash,
            long[] bandKeys) {

        /** SHA-256 over the chunk's serialised fields (as {@link #write}, big-endian): the Merkle leaf item. */
        public byte[] digest() {
            ByteBuffer bytes = ByteBuffer.allocate(16 + 4 * minhash.length + 8 * bandKeys.length);
            bytes.putInt(canonicalStart).putInt(canonicalEnd).putInt(sourceStart).putInt(sourceEnd);
            for (int v : minhash) {
                bytes.putInt(v);
            }
            for (long k : bandKeys) {
                bytes.putLong(k);
            }
            return sha256(bytes.array());
        }

        int serialisedSize() {
            return 16 + 4 * minhash.length + 8 * bandKeys.length;
        }

        void write(ByteBuffer out) {
            out.putInt(canonicalStart).putInt(canonicalEnd).putInt(sourceStart).putInt(sourceEnd);
            for (int v : minhash) {
                out.putInt(v);
            }
            for (long k : bandKeys) {
                out.putLong(k);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk c && canonicalStart == c.canonicalStart && canonicalEnd == c.canonicalEnd
                    && sourceStart == c.sourceStart && sourceEnd == c.sourceEnd && Arrays.equals(minhash, c.minhash)
                    && Arrays.equals(bandKeys, c.bandKeys);
        }

        @Override
        public int hashCode() {
            return Objects.hash(canonicalStart, canonicalEnd, Arrays.hashCode(minhash));
        }
    }

    private static final Map<String, Map<String, String>> ALG_BY_EXTRACTOR = new ConcurrentHashMap<>();

    /**
     * The {@code alg} descriptor of this implementation (one source of truth for the record and the docs); unmodifiable,
     * built once per extractor.
     */
    public static Map<String, String> algDescriptor(String extractor) {
        return ALG_BY_EXTRACTOR.computeIfAbsent(extractor, e -> Collections.unmodifiableMap(buildAlgDescriptor(e)));
    }

    private static Map<String, String> buildAlgDescriptor(String extractor) {
        Map<String, String> alg = new LinkedHashMap<>();
        alg.put("id", "org.alliancechain.copyright.text-minhash.2");
        alg.put("extractor", extractor);
        alg.put("canonicalisation", "iscc-text_collapse(NFD,strip-whitespace,lower,drop-C/M/P,NFKC)+icu-Traditional-Simplified");
        alg.put("libraries", "icu4j-" + CanonicalText.ICU_VERSION + ",hash4j-0.31.0");
        alg.put("shingles", "cjk-char-" + Shingles.CJK_N + "gram+latin-word-" + Shingles.WORD_N + "gram");
        alg.put("shingle-hash", "xxh3_64(seed=0,utf16,kind-prefix)");
        alg.put("permutations", "doc=" + MinHash.DOC_PERMUTATIONS + ",chunk=" + MinHash.CHUNK_PERMUTATIONS
                + ",fmix64(h^splitmix64(seed=0x" + Long.toHexString(MinHash.SEED) + ")),upper32");
        alg.put("bands", "doc=" + MinHash.DOC_BANDS + "x" + MinHash.ROWS + ",chunk=" + MinHash.CHUNK_BANDS + "x"
                + MinHash.ROWS + ",key=xxh3_64(le(domain*256+band,values))");
        alg.put("chunking", "gear64,min=" + Chunker.MIN + ",divisor=" + Chunker.DIVISOR + ",max=" + Chunker.MAX + ",avg~256");
        alg.put("merkle", "rfc9162-sha256(leaf=sha256(chunk))");
        alg.put("winnowing", "char-" + Winnowing.K + "gram,window=" + Winnowing.W + ",rightmost-min");
        alg.put("iscc", "io.iscc.v0 text-code 256 bits");
        alg.put("anchors", "char-gram(cjk=" + Anchors.CJK_K + ",other=" + Anchors.LATIN_K
                + "),xxh3_64('a'+utf16),keep-if-fmix64(h)%" + Anchors.SAMPLE + "==0,distinct,max=" + Anchors.MAX);
        alg.put("index", "doc-bands+anchors(stop>" + TextIndex.MAX_POSTINGS_PER_ANCHOR + "works,candidate>="
                + TextIndex.MIN_ANCHOR_HITS + "hits&>=" + (int) (TextIndex.MIN_ANCHOR_SHARE * 100)
                + "%of-query-anchors,bare-minimum-dropped-under-" + TextIndex.DOMINANCE
                + "x);chunk-bands-recorded-not-indexed");
        alg.put("verification", "winnowing-containment(match>=" + TextIndex.MATCH_CONTAINMENT + ",review>="
                + TextIndex.REVIEW_CONTAINMENT + "),passages>=" + TextIndex.MIN_PASSAGE_CHARS + "chars-summing>=min("
                + TextIndex.REVIEW_MIN_SHARED_CHARS + ",shorter/2),drift<=" + Passages.MAX_DRIFT);
        return alg;
    }

    /** Headers by descriptor: a registration's works share a few descriptors (one per extractor), whose header is written once. */
    private static final Map<Map<String, String>, byte[]> HEADERS = new ConcurrentHashMap<>();

    /**
     * The record's header: magic, format version and the {@code alg} descriptor — the same bytes for every record of one
     * descriptor, which the service stores once (V5062) and each work's row without it ({@link #headerLength}).
     */
    public byte[] header() {
        return headerOf(alg);
    }

    /** The header of every record of this {@code alg} descriptor ({@link #algDescriptor}). */
    public static byte[] headerOf(Map<String, String> alg) {
        return HEADERS.computeIfAbsent(alg, TextFingerprint::writeHeader).clone();
    }

    /** The length of {@link #header()}: where {@link #toBytes()}'s bytes stop being the same for every record of this descriptor. */
    public int headerLength() {
        return HEADERS.computeIfAbsent(alg, TextFingerprint::writeHeader).length;
    }

    // the header's strings in DataOutput's modified UTF-8
    private static byte[] writeHeader(Map<String, String> alg) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(header)) {
            out.write(MAGIC);
            out.writeByte(FORMAT_VERSION);
            List<String> keys = new ArrayList<>(alg.keySet());
            keys.sort(null);
            out.writeInt(keys.size());
            for (String k : keys) {
                out.writeUTF(k);
                out.writeUTF(alg.get(k));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header.toByteArray();
    }

    /** Canonical binary serialisation. */
    public byte[] toBytes() {
        // the header, then the numbers into one buffer of the exact size: a DataOutputStream over the whole record wrote
        // them a byte at a time (2.5 % of a bulk registration's samples)
        byte[] header = HEADERS.computeIfAbsent(alg, TextFingerprint::writeHeader);
        int size = header.length + 4 + 4 * minhash.length + 8 * bandKeys.length + 4 + merkleRoot.length + iscc256.length + 4
                + 8 * anchors.length;
        for (Chunk c : chunks) {
            size += c.serialisedSize();
        }
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian, as DataOutput
        out.put(header);
        out.putInt(canonicalLength);
        for (int v : minhash) {
            out.putInt(v);
        }
        for (long k : bandKeys) {
            out.putLong(k);
        }
        out.putInt(chunks.size());
        for (Chunk c : chunks) {
            c.write(out);
        }
        out.put(merkleRoot);
        out.put(iscc256);
        out.putInt(anchors.length);
        for (long a : anchors) {
            out.putLong(a);
        }
        return out.array();
    }

    /** Reads {@link #toBytes()} back. */
    public static TextFingerprint fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = in.readNBytes(4);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a text fingerprint record");
            }
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("text fingerprint record of format version " + version
                        + ", this build reads version " + FORMAT_VERSION + ": recompute it from the canonical text");
            }
            int n = in.readInt();
            Map<String, String> alg = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                alg.put(in.readUTF(), in.readUTF());
            }
            int length = in.readInt();
            int[] mh = readInts(in, MinHash.DOC_PERMUTATIONS);
            long[] bk = readLongs(in, MinHash.DOC_BANDS);
            int chunkCount = in.readInt();
            if (chunkCount < 0 || chunkCount > data.length / 100) {
                throw new IllegalArgumentException("chunk count out of range");
            }
            List<Chunk> chunks = new ArrayList<>(chunkCount);
            for (int i = 0; i < chunkCount; i++) {
                chunks.add(new Chunk(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                        readInts(in, MinHash.CHUNK_PERMUTATIONS), readLongs(in, MinHash.CHUNK_BANDS)));
            }
            byte[] root = in.readNBytes(32);
            byte[] iscc = in.readNBytes(32);
            if (iscc.length != 32) {
                throw new IllegalArgumentException("truncated text fingerprint record");
            }
            int anchorCount = in.readInt();
            if (anchorCount < 0 || anchorCount > Anchors.MAX || anchorCount > data.length / 8) {
                throw new IllegalArgumentException("anchor count out of range");
            }
            long[] anchors = readLongs(in, anchorCount);
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the text fingerprint record");
            }
            return new TextFingerprint(alg, length, mh, bk, List.copyOf(chunks), root, iscc, anchors);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated text fingerprint record", e);
        }
    }

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private static long[] readLongs(DataInputStream in, int n) throws IOException {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readLong();
        }
        return v;
    }

    /** SHA-256 of the canonical serialisation: the fingerprint digest anchored on chain. */
    public byte[] digest() {
        return sha256(toBytes());
    }

    /** {@link #digest()} of a record already serialised ({@link #toBytes()}), without serialising it again. */
    public static byte[] digestOf(byte[] serialised) {
        return sha256(serialised);
    }

    /** What a search needs of this record. */
    public TextProbe probe() {
        return new TextProbe(canonicalLength, minhash, bandKeys, anchors);
    }

    /** 64-bit ISCC Text-Code ({@code ISCC:EAAS…}). */
    public String isccCode() {
        return IsccTextCode.encode(iscc256, 64);
    }

    /** Recomputes the Merkle root from the chunks (true when the record is consistent). */
    public boolean merkleRootConsistent() {
        return Arrays.equals(merkleRoot, merkleRootOf(chunks));
    }

    static byte[] merkleRootOf(List<Chunk> chunks) {
        List<byte[]> leaves = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            leaves.add(MerkleTree.leafHash(c.digest()));
        }
        return MerkleTree.root(leaves);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextFingerprint f && Arrays.equals(toBytes(), f.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest());
    }

    @Override
    public String toString() {
        return "TextFingerprint[length=" + canonicalLength + ", chunks=" + chunks.size() + ", anchors=" + anchors.length
                + ", iscc=" + isccCode() + "]";
    }
}

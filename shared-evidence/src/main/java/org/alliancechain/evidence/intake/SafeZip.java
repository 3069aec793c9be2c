package org.alliancechain.evidence.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.alliancechain.evidence.intake.UnsafeArchiveException.Reason;

/**
 * Expands a ZIP archive in memory without trusting anything it declares.
 *
 * <p>What a successful {@code expand} guarantees about the returned entries:
 * <ul>
 *   <li>every entry is a regular file: folders are skipped; symbolic links, devices, FIFOs and
 *       sockets (Unix mode bits in the central directory's external attributes) are refused;</li>
 *   <li>every path is relative, uses {@code /} only, has no empty, {@code .} or {@code ..} segment,
 *       no control or bidirectional-override character, and is Unicode NFC; backslashes are read as
 *       separators first, so {@code ..\..\x} and {@code \\server\x} are refused like {@code ../../x}
 *       and {@code /x};</li>
 *   <li>no two paths are equal, not even apart from letter case, and no path is both a file and a
 *       folder;</li>
 *   <li>the bytes are exactly what the archive holds: inflated bytes are counted as they are
 *       produced (declared sizes are only used to refuse early), checked against the declared size
 *       and CRC-32, and entries whose data overlap are refused;</li>
 *   <li>the caller's {@link Limits} hold: entry count, bytes per entry, bytes in total and, for
 *       entries over {@link #RATIO_CHECKED_ABOVE} bytes, the compression ratio;</li>
 *   <li>nested archives are never expanded; by default ({@link NestedArchives#KEEP}) they are
 *       returned as ordinary entries, with {@link NestedArchives#REFUSE} they are refused.</li>
 * </ul>
 * Encrypted entries, compression methods other than stored and deflate, split archives and archives
 * without files are refused. Every refusal is an {@link UnsafeArchiveException} whose message can be
 * shown to the person who uploaded the archive. Zip64 archives are read.
 */
public final class SafeZip {

    /** Entries up to this many bytes are not subject to {@link Limits#maxRatio()}: small, highly repetitive files are harmless. */
    public static final long RATIO_CHECKED_ABOVE = 1024 * 1024;

    /** The largest entry an array can hold. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final int MAX_SHOWN_NAME = 160;

    /**
     * What an archive may expand to.
     *
     * @param maxEntries    most central directory records (files and folders) in the archive
     * @param maxEntryBytes most bytes one entry may expand to (at most {@code Integer.MAX_VALUE - 8})
     * @param maxTotalBytes most bytes all entries together may expand to
     * @param maxRatio      most uncompressed bytes per compressed byte of one entry larger than
     *                      {@link #RATIO_CHECKED_ABOVE}
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {

        /** 1,000 entries, 100 MB per entry, 200 MB in total, 100:1. */
        public static final Limits DEFAULT = new Limits(1_000, 100L * 1024 * 1024, 200L * 1024 * 1024, 100);

        public Limits {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1");
            }
            if (maxEntryBytes < 1 || maxEntryBytes > MAX_ARRAY) {
                throw new IllegalArgumentException("maxEntryBytes must be between 1 and " + MAX_ARRAY);
            }
            if (maxTotalBytes < 1) {
                throw new IllegalArgumentException("maxTotalBytes must be at least 1");
            }
            if (maxRatio < 1) {
                throw new IllegalArgumentException("maxRatio must be at least 1");
            }
        }
    }

    /** What to do with an archive (ZIP, 7z, RAR, gzip, bzip2, xz, tar — by content) found inside the archive. */
    public enum NestedArchives {
        /** Return it as an ordinary entry, unexpanded (the default). */
        KEEP,
        /** Refuse the whole archive. */
        REFUSE
    }

    /**
     * One file from the archive.
     *
     * @param path  normalised relative path, {@code /}-separated, e.g. {@code 证据/合同.pdf}
     * @param bytes the file's content; the array is the entry's own and is not copied on access
     */
    public record Entry(String path, byte[] bytes) {

        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(bytes, "bytes");
        }

        /** The file's size in bytes. */
        public int size() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && path.equals(that.path) && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Entry[" + path + ", " + bytes.length + " bytes]";
        }
    }

    private SafeZip() {
    }

    /** {@link #expand(byte[], Limits, NestedArchives)} keeping nested archives as entries. */
    public static List<Entry> expand(byte[] archive, Limits limits) throws UnsafeArchiveException {
        return expand(archive, limits, NestedArchives.KEEP);
    }

    /**
     * Reads at most {@code maxArchiveBytes} from the stream (refusing a longer one) and expands it;
     * nested archives are kept as entries. The stream is not closed.
     */
    public static List<Entry> expand(InputStream in, long maxArchiveBytes, Limits limits)
            throws IOException, UnsafeArchiveException {
        return expand(in, maxArchiveBytes, limits, NestedArchives.KEEP);
    }

    /** Reads at most {@code maxArchiveBytes} from the stream (refusing a longer one) and expands it. The stream is not closed. */
    public static List<Entry> expand(InputStream in, long maxArchiveBytes, Limits limits, NestedArchives nested)
            throws IOException, UnsafeArchiveException {
        Objects.requireNonNull(in, "in");
        if (maxArchiveBytes < 1 || maxArchiveBytes > MAX_ARRAY - 1) {
            throw new IllegalArgumentException("maxArchiveBytes must be between 1 and " + (MAX_ARRAY - 1));
        }
        byte[] archive = in.readNBytes((int) maxArchiveBytes + 1);
        if (archive.length > maxArchiveBytes) {
            throw new UnsafeArchiveException(Reason.ARCHIVE_TOO_LARGE, "archive is larger than " + formatSize(maxArchiveBytes));
        }
        return expand(archive, limits, nested);
    }

    /**
     * Expands the archive within the limits.
     *
     * @return the archive's files in central directory order (unmodifiable)
     * @throws UnsafeArchiveException when anything about the archive is refused; nothing is returned then
     */
    public static List<Entry> expand(byte[] archive, Limits limits, NestedArchives nested) throws UnsafeArchiveException {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(nested, "nested");
        if (!startsWithZipSignature(archive)) {
            throw new UnsafeArchiveException(Reason.NOT_AN_ARCHIVE, "the file is not a ZIP archive");
        }
        ZipDirectory.Directory directory = ZipDirectory.read(archive, limits.maxEntries());
        long dataLimit = directory.centralDirectoryOffset();

        List<Planned> files = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Set<String> folders = new HashSet<>();
        List<long[]> ranges = new ArrayList<>();
        for (ZipDirectory.Entry entry : directory.entries()) {
            String shown = shown(entry.name());
            String path = normalise(entry.name(), shown);
            boolean folder = entry.name().replace('\\', '/').endsWith("/") || (entry.unixMode() & S_IFMT) == S_IFDIR;
            checkFileType(entry, shown);
            if (folder && entry.uncompressedSize() != 0) {
                throw ZipDirectory.damaged("folder entry '" + shown + "' holds data");
            }
            if (entry.encrypted()) {
                throw encrypted(entry, shown);
            }
            ZipDirectory.Local local = ZipDirectory.local(archive, entry, dataLimit);
            if ((local.flags() & 0x0001) != 0 || (local.flags() & 0x0040) != 0) {
                throw encrypted(entry, shown);
            }
            ranges.add(new long[] {entry.localHeaderOffset(), local.dataOffset() + entry.compressedSize(), entry.index()});
            if (folder) {
                if (!path.isEmpty()) {
                    folders.add(path.toLowerCase(Locale.ROOT));
                    addParents(path, folders);
                }
                continue;
            }
            if (path.isEmpty()) {
                throw new UnsafeArchiveException(Reason.BAD_NAME, entry.name(), "an archive entry has no name");
            }
            String previous = seen.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
            if (previous != null) {
                throw new UnsafeArchiveException(Reason.DUPLICATE_NAME, entry.name(), previous.equals(path)
                        ? "archive holds two entries named '" + shown(path) + "'"
                        : "archive entries '" + shown(previous) + "' and '" + shown(path) + "' differ only in letter case");
            }
            addParents(path, folders);
            if (entry.method() != STORED && entry.method() != DEFLATED) {
                throw new UnsafeArchiveException(Reason.UNSUPPORTED, entry.name(), "archive entry '" + shown
                        + "' uses a compression method (" + methodName(entry.method())
                        + ") this service cannot read; please use standard ZIP (deflate) compression");
            }
            if (entry.method() == STORED && entry.compressedSize() != entry.uncompressedSize()) {
                throw ZipDirectory.damaged("entry '" + shown + "' declares two different sizes");
            }
            if (entry.uncompressedSize() > limits.maxEntryBytes()) {
                throw entryTooLarge(entry, shown, limits);
            }
            files.add(new Planned(entry, path, shown, local.dataOffset()));
        }
        if (files.isEmpty()) {
            throw new UnsafeArchiveException(Reason.EMPTY, "the archive holds no files");
        }
        for (Planned file : files) {
            if (folders.contains(file.path().toLowerCase(Locale.ROOT))) {
                throw new UnsafeArchiveException(Reason.DUPLICATE_NAME, file.entry().name(),
                        "archive entry '" + file.shown() + "' is both a file and a folder");
            }
        }
        checkOverlaps(ranges, directory.entries());
        long declaredTotal = 0;
        for (Planned file : files) {
            declaredTotal += file.entry().uncompressedSize();
            if (declaredTotal > limits.maxTotalBytes()) {
                throw totalTooLarge(limits);
            }
        }

        List<Entry> result = new ArrayList<>(files.size());
        long total = 0;
        for (Planned file : files) {
            byte[] bytes = read(archive, file, limits, total);
            total += bytes.length;
            if (nested == NestedArchives.REFUSE && ContentType.detect(bytes).kind() == ContentType.Kind.ARCHIVE) {
                throw new UnsafeArchiveException(Reason.NESTED_ARCHIVE, file.entry().name(), "archive entry '"
                        + file.shown() + "' is itself an archive; please upload its files directly");
            }
            result.add(new Entry(file.path(), bytes));
        }
        return List.copyOf(result);
    }

    private record Planned(ZipDirectory.Entry entry, String path, String shown, long dataOffset) {
    }

    static boolean startsWithZipSignature(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K'
                && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
    }

    /**
     * The entry's path as returned: NFC, backslashes read as {@code /}, empty and {@code .} segments
     * dropped. Refuses control and bidi characters, absolute paths and {@code ..} segments; leading
     * separators and {@code ..} segments are looked for in the NFKC form too, so look-alikes such as
     * full-width {@code ．．／} or {@code ‥} cannot slip past a consumer that folds them. (A
     * full-width colon after a letter, as in {@code A：合同.pdf}, is not taken for a drive.)
     */
    static String normalise(String name, String shown) throws UnsafeArchiveException {
        for (int i = 0; i < name.length(); i++) {
            if (forbiddenInName(name.charAt(i))) {
                throw new UnsafeArchiveException(Reason.BAD_NAME, name, "archive entry name '" + shown
                        + "' contains a control or invisible formatting character");
            }
        }
        String slashed = Normalizer.normalize(name, Normalizer.Form.NFC).replace('\\', '/');
        checkPath(slashed, name, shown, true);
        checkPath(Normalizer.normalize(name, Normalizer.Form.NFKC).replace('\\', '/'), name, shown, false);
        StringBuilder path = new StringBuilder(slashed.length());
        for (String segment : slashed.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(segment);
        }
        return path.toString();
    }

    private static void checkPath(String slashed, String name, String shown, boolean drives) throws UnsafeArchiveException {
        boolean drive = drives && slashed.length() >= 2 && slashed.charAt(1) == ':' && isAsciiLetter(slashed.charAt(0));
        if (slashed.startsWith("/") || drive) {
            throw new UnsafeArchiveException(Reason.ABSOLUTE_PATH, name,
                    "archive entry '" + shown + "' is an absolute path; only paths inside the archive are accepted");
        }
        for (String segment : slashed.split("/")) {
            // Windows drops trailing dots and spaces, so "..." and ".. " name the parent folder there too.
            if (segment.contains("..") && segment.chars().allMatch(c -> c == '.' || c == ' ')) {
                throw new UnsafeArchiveException(Reason.PATH_TRAVERSAL, name,
                        "archive entry '" + shown + "' leaves the archive's folder");
            }
        }
    }

    private static boolean forbiddenInName(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void addParents(String path, Set<String> folders) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (int slash = lower.indexOf('/'); slash >= 0; slash = lower.indexOf('/', slash + 1)) {
            folders.add(lower.substring(0, slash));
        }
    }

    private static void checkFileType(ZipDirectory.Entry entry, String shown) throws UnsafeArchiveException {
        int type = entry.unixMode() & S_IFMT;
        if (type == S_IFLNK) {
            throw new UnsafeArchiveException(Reason.LINK, entry.name(),
                    "archive entry '" + shown + "' is a symbolic link; links are not accepted");
        }
        if (type != 0 && type != S_IFREG && type != S_IFDIR) {
            throw new UnsafeArchiveException(Reason.LINK, entry.name(), "archive entry '" + shown
                    + "' is a device or other special file; only ordinary files are accepted");
        }
    }

    private static void checkOverlaps(List<long[]> ranges, List<ZipDirectory.Entry> entries) throws UnsafeArchiveException {
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        for (int i = 1; i < ranges.size(); i++) {
            long[] before = ranges.get(i - 1);
            long[] after = ranges.get(i);
            if (after[0] < before[1]) {
                throw ZipDirectory.damaged("entries '" + shown(entries.get((int) before[2]).name()) + "' and '"
                        + shown(entries.get((int) after[2]).name()) + "' overlap, which only crafted archives do");
            }
        }
    }

    private static byte[] read(byte[] archive, Planned file, Limits limits, long totalBefore) throws UnsafeArchiveException {
        ZipDirectory.Entry entry = file.entry();
        int offset = (int) file.dataOffset();
        int compressed = (int) entry.compressedSize();
        byte[] bytes;
        if (entry.method() == STORED) {
            if (compressed > limits.maxEntryBytes()) {
                throw entryTooLarge(entry, file.shown(), limits);
            }
            if (totalBefore + compressed > limits.maxTotalBytes()) {
                throw totalTooLarge(limits);
            }
            bytes = Arrays.copyOfRange(archive, offset, offset + compressed);
        } else {
            bytes = inflate(archive, offset, compressed, file, limits, totalBefore);
        }
        if (bytes.length != entry.uncompressedSize()) {
            throw ZipDirectory.damaged("entry '" + file.shown() + "' is not the size the archive declares");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != entry.crc()) {
            throw ZipDirectory.damaged("entry '" + file.shown() + "' fails its checksum");
        }
        return bytes;
    }

    private static byte[] inflate(byte[] archive, int offset, int length, Planned file, Limits limits, long totalBefore)
            throws UnsafeArchiveException {
        ZipDirectory.Entry entry = file.entry();
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(archive, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(64, Math.min(entry.uncompressedSize(), 1 << 20)));
            byte[] buffer = new byte[64 * 1024];
            long produced = 0;
            int stalls = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.finished()) {
                        break;
                    }
                    if (inflater.needsInput() || inflater.needsDictionary() || ++stalls > 16) {
                        throw ZipDirectory.damaged("entry '" + file.shown() + "' is cut short");
                    }
                    continue;
                }
                stalls = 0;
                produced += n;
                if (produced > limits.maxEntryBytes()) {
                    throw entryTooLarge(entry, file.shown(), limits);
                }
                if (totalBefore + produced > limits.maxTotalBytes()) {
                    throw totalTooLarge(limits);
                }
                if (produced > RATIO_CHECKED_ABOVE && produced > (long) limits.maxRatio() * length) {
                    throw new UnsafeArchiveException(Reason.COMPRESSION_RATIO, entry.name(), "archive entry '" + file.shown()
                            + "' is compressed more than " + limits.maxRatio() + " to 1, which is typical of zip bombs");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw ZipDirectory.damaged("entry '" + file.shown() + "' cannot be decompressed");
        } finally {
            inflater.end();
        }
    }

    private static UnsafeArchiveException encrypted(ZipDirectory.Entry entry, String shown) {
        return new UnsafeArchiveException(Reason.ENCRYPTED, entry.name(),
                "archive entry '" + shown + "' is password-protected; please upload it without a password");
    }

    private static UnsafeArchiveException entryTooLarge(ZipDirectory.Entry entry, String shown, Limits limits) {
        return new UnsafeArchiveException(Reason.ENTRY_TOO_LARGE, entry.name(),
                "archive entry '" + shown + "' expands beyond " + formatSize(limits.maxEntryBytes()));
    }

    private static UnsafeArchiveException totalTooLarge(Limits limits) {
        return new UnsafeArchiveException(Reason.TOTAL_TOO_LARGE, "archive expands beyond " + formatSize(limits.maxTotalBytes()));
    }

    private static String methodName(int method) {
        return switch (method) {
            case 1 -> "shrink";
            case 6 -> "implode";
            case 9 -> "deflate64";
            case 12 -> "bzip2";
            case 14 -> "LZMA";
            case 93 -> "Zstandard";
            case 95 -> "XZ";
            case 98 -> "PPMd";
            default -> "method " + method;
        };
    }

    /** A name as it can be shown in a message: control and invisible characters escaped, long names shortened. */
    static String shown(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < name.length() && out.length() < MAX_SHOWN_NAME; i++) {
            char c = name.charAt(i);
            if (forbiddenInName(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < name.length() ? out + "…" : out.toString();
    }

    /** A byte count for people: "100 MB", "1.5 KB", "12 bytes" (binary multiples). */
    static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + units[unit];
    }
}

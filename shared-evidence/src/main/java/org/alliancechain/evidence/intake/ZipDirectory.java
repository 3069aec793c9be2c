package org.alliancechain.evidence.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.evidence.intake.UnsafeArchiveException.Reason;

/**
 * Reads a ZIP archive's central directory straight from its bytes (APPNOTE.TXT sections 4.3.12 to
 * 4.3.16), because {@link java.util.zip.ZipInputStream} hides the external file attributes that
 * mark symbolic links and trusts the local headers. Every offset and length is checked against the
 * array before it is used; Zip64 sizes and offsets are read; split archives are refused.
 */
final class ZipDirectory {

    static final int LOCAL_HEADER = 0x04034b50;
    static final int CENTRAL_HEADER = 0x02014b50;
    static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    static final int ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
    static final int ZIP64_LOCATOR = 0x07064b50;

    private static final int EOCD_SIZE = 22;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long U32_SATURATED = 0xFFFFFFFFL;
    private static final int U16_SATURATED = 0xFFFF;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset LEGACY = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

    private ZipDirectory() {
    }

    /** One central directory record. Sizes and offsets are as declared (Zip64 values already applied). */
    record Entry(int index, byte[] rawName, String name, int versionMadeBy, int flags, int method, long crc,
                 long compressedSize, long uncompressedSize, long localHeaderOffset, long externalAttributes) {

        /** General-purpose bit 0 (traditional or strong encryption), bit 6 (strong encryption) or method 99 (WinZip AES). */
        boolean encrypted() {
            return (flags & 0x0001) != 0 || (flags & 0x0040) != 0 || method == 99;
        }

        /** The Unix file type and permission bits ({@code st_mode}) from the high half of the external attributes. */
        int unixMode() {
            return (int) ((externalAttributes >>> 16) & 0xFFFF);
        }
    }

    /** The central directory: its records in stored order and where it starts (the end of the entries' data). */
    record Directory(List<Entry> entries, long centralDirectoryOffset) {
    }

    /** Where one entry's local header says its data starts, plus the local header's own flags. */
    record Local(int flags, int method, long dataOffset) {
    }

    /**
     * Reads the central directory.
     *
     * @param maxEntries more records than this is refused before any record is parsed
     * @throws UnsafeArchiveException DAMAGED, UNSUPPORTED (split archives) or TOO_MANY_ENTRIES
     */
    static Directory read(byte[] zip, int maxEntries) throws UnsafeArchiveException {
        int eocd = findEndOfCentralDirectory(zip);
        int disk = u16(zip, eocd + 4);
        int cdDisk = u16(zip, eocd + 6);
        long entriesOnDisk = u16(zip, eocd + 8);
        long total = u16(zip, eocd + 10);
        long cdSize = u32(zip, eocd + 12);
        long cdOffset = u32(zip, eocd + 16);
        long cdEnd = eocd;

        int locator = eocd - 20;
        if (locator >= 0 && u32(zip, locator) == (ZIP64_LOCATOR & U32_SATURATED)) {
            long recordOffset = u64(zip, locator + 8);
            long totalDisks = u32(zip, locator + 16);
            if (u32(zip, locator + 4) != 0 || totalDisks > 1) {
                throw split();
            }
            if (recordOffset < 0 || recordOffset + 56 > locator) {
                throw damaged("its Zip64 end record is out of place");
            }
            int record = (int) recordOffset;
            if (u32(zip, record) != (ZIP64_END_OF_CENTRAL_DIRECTORY & U32_SATURATED)) {
                throw damaged("its Zip64 end record is missing");
            }
            long disk64 = u32(zip, record + 16);
            long cdDisk64 = u32(zip, record + 20);
            if (disk64 != 0 || cdDisk64 != 0) {
                throw split();
            }
            disk = 0;
            cdDisk = 0;
            entriesOnDisk = u64(zip, record + 24);
            total = u64(zip, record + 32);
            cdSize = u64(zip, record + 40);
            cdOffset = u64(zip, record + 48);
            cdEnd = record;
        } else if (total == U16_SATURATED || cdSize == U32_SATURATED || cdOffset == U32_SATURATED) {
            throw damaged("it declares Zip64 sizes but has no Zip64 end record");
        }
        if (disk != 0 || cdDisk != 0 || entriesOnDisk != total) {
            throw split();
        }
        if (total < 0 || cdSize < 0 || cdOffset < 0 || cdOffset + cdSize != cdEnd) {
            throw damaged("its central directory is not where the archive says it is");
        }
        if (total > maxEntries) {
            throw new UnsafeArchiveException(Reason.TOO_MANY_ENTRIES,
                    "archive holds more than " + maxEntries + " entries (files and folders)");
        }
        if (total * CENTRAL_HEADER_SIZE > cdSize) {
            throw damaged("its central directory is too short for " + total + " entries");
        }

        List<Entry> entries = new ArrayList<>((int) total);
        int pos = (int) cdOffset;
        int end = (int) cdEnd;
        for (int i = 0; i < total; i++) {
            if (pos + CENTRAL_HEADER_SIZE > end || u32(zip, pos) != (CENTRAL_HEADER & U32_SATURATED)) {
                throw damaged("central directory record " + (i + 1) + " is broken");
            }
            int versionMadeBy = u16(zip, pos + 4);
            int flags = u16(zip, pos + 8);
            int method = u16(zip, pos + 10);
            long crc = u32(zip, pos + 16);
            long compressed = u32(zip, pos + 20);
            long uncompressed = u32(zip, pos + 24);
            int nameLength = u16(zip, pos + 28);
            int extraLength = u16(zip, pos + 30);
            int commentLength = u16(zip, pos + 32);
            int diskStart = u16(zip, pos + 34);
            long external = u32(zip, pos + 38);
            long localOffset = u32(zip, pos + 42);
            int next = pos + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
            if (next > end) {
                throw damaged("central directory record " + (i + 1) + " runs past the directory");
            }
            byte[] rawName = Arrays.copyOfRange(zip, pos + CENTRAL_HEADER_SIZE, pos + CENTRAL_HEADER_SIZE + nameLength);
            int extra = pos + CENTRAL_HEADER_SIZE + nameLength;

            if (uncompressed == U32_SATURATED || compressed == U32_SATURATED || localOffset == U32_SATURATED
                    || diskStart == U16_SATURATED) {
                int field = findExtra(zip, extra, extraLength, ZIP64_EXTRA);
                if (field < 0) {
                    throw damaged("entry " + (i + 1) + " declares Zip64 sizes without the Zip64 field");
                }
                int size = u16(zip, field + 2);
                int at = field + 4;
                int stop = at + size;
                if (uncompressed == U32_SATURATED) {
                    uncompressed = zip64Value(zip, at, stop, i);
                    at += 8;
                }
                if (compressed == U32_SATURATED) {
                    compressed = zip64Value(zip, at, stop, i);
                    at += 8;
                }
                if (localOffset == U32_SATURATED) {
                    localOffset = zip64Value(zip, at, stop, i);
                    at += 8;
                }
                if (diskStart == U16_SATURATED) {
                    if (at + 4 > stop) {
                        throw damaged("entry " + (i + 1) + " has a short Zip64 field");
                    }
                    diskStart = (int) u32(zip, at);
                }
            }
            if (diskStart != 0) {
                throw split();
            }
            if (compressed > zip.length || localOffset >= cdOffset) {
                throw damaged("entry " + (i + 1) + " points outside the archive");
            }
            entries.add(new Entry(i, rawName, decodeName(rawName), versionMadeBy, flags, method, crc,
                    compressed, uncompressed, localOffset, external));
            pos = next;
        }
        if (pos != end) {
            throw damaged("its central directory holds more than the " + total + " entries it declares");
        }
        return new Directory(List.copyOf(entries), cdOffset);
    }

    /**
     * Checks an entry's local header against its central record and returns where its data starts.
     * The data must end before {@code limit} (the central directory's offset).
     */
    static Local local(byte[] zip, Entry entry, long limit) throws UnsafeArchiveException {
        long offset = entry.localHeaderOffset();
        if (offset < 0 || offset + LOCAL_HEADER_SIZE > limit || u32(zip, (int) offset) != (LOCAL_HEADER & U32_SATURATED)) {
            throw damaged("the local header of entry " + (entry.index() + 1) + " is missing");
        }
        int at = (int) offset;
        int flags = u16(zip, at + 6);
        int method = u16(zip, at + 8);
        int nameLength = u16(zip, at + 26);
        int extraLength = u16(zip, at + 28);
        long dataOffset = offset + LOCAL_HEADER_SIZE + nameLength + extraLength;
        if (dataOffset > limit || dataOffset + entry.compressedSize() > limit) {
            throw damaged("the data of entry " + (entry.index() + 1) + " runs past its end");
        }
        if (!Arrays.equals(zip, at + LOCAL_HEADER_SIZE, at + LOCAL_HEADER_SIZE + nameLength,
                entry.rawName(), 0, entry.rawName().length)) {
            throw damaged("entry " + (entry.index() + 1) + " has two different names");
        }
        if (method != entry.method()) {
            throw damaged("entry " + (entry.index() + 1) + " declares two different compression methods");
        }
        return new Local(flags, method, dataOffset);
    }

    /**
     * An entry name as text: UTF-8 when the bytes are valid UTF-8 (whether or not general-purpose
     * bit 11 says so), else GB18030 (what Chinese Windows tools write without saying so), else the
     * ZIP specification's IBM code page 437 (ISO-8859-1 on runtimes without it).
     */
    static String decodeName(byte[] raw) {
        String text = strict(raw, StandardCharsets.UTF_8);
        if (text == null) {
            text = strict(raw, GB18030);
        }
        return text != null ? text : new String(raw, LEGACY);
    }

    private static String strict(byte[] raw, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int findEndOfCentralDirectory(byte[] zip) throws UnsafeArchiveException {
        int last = zip.length - EOCD_SIZE;
        int first = Math.max(0, last - U16_SATURATED);
        for (int pos = last; pos >= first; pos--) {
            if (zip[pos] == 'P' && zip[pos + 1] == 'K' && zip[pos + 2] == 5 && zip[pos + 3] == 6
                    && pos + EOCD_SIZE + u16(zip, pos + 20) == zip.length) {
                return pos;
            }
        }
        throw damaged("its end-of-archive record is missing (is the file truncated?)");
    }

    private static int findExtra(byte[] zip, int start, int length, int id) {
        int pos = start;
        int end = start + length;
        while (pos + 4 <= end) {
            int header = u16(zip, pos);
            int size = u16(zip, pos + 2);
            if (pos + 4 + size > end) {
                return -1;
            }
            if (header == id) {
                return pos;
            }
            pos += 4 + size;
        }
        return -1;
    }

    private static long zip64Value(byte[] zip, int at, int stop, int index) throws UnsafeArchiveException {
        if (at + 8 > stop) {
            throw damaged("entry " + (index + 1) + " has a short Zip64 field");
        }
        long value = u64(zip, at);
        if (value < 0) {
            throw damaged("entry " + (index + 1) + " declares an impossible size");
        }
        return value;
    }

    private static UnsafeArchiveException split() {
        return new UnsafeArchiveException(Reason.UNSUPPORTED, "split (multi-part) archives are not accepted; upload a single ZIP file");
    }

    static UnsafeArchiveException damaged(String detail) {
        return new UnsafeArchiveException(Reason.DAMAGED, "the archive is damaged: " + detail);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & U32_SATURATED;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}

package org.alliancechain.evidence.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ZIP archives for tests. {@link #zip(Map)} uses {@link ZipOutputStream} for ordinary archives;
 * the builder writes local headers, central directory and end record byte by byte, so that tests
 * can set what {@code ZipOutputStream} never writes: external attributes (symbolic links, devices),
 * encryption flags, foreign compression methods, lying sizes and checksums, different local and
 * central names, non-UTF-8 names, Zip64 records, split-archive disk numbers and overlapping entries.
 */
final class ZipFixture {

    static final long UNIX_SYMLINK = 0120777L << 16;
    static final long UNIX_FILE = 0100644L << 16;
    static final long UNIX_DIRECTORY = 0040755L << 16;
    static final long UNIX_CHARACTER_DEVICE = 0020666L << 16;
    static final long UNIX_FIFO = 0010644L << 16;

    /** One entry as the builder will write it; every field may be changed before {@link #build()}. */
    static final class Item {
        byte[] name;
        byte[] localName;
        byte[] data;
        int method = 8;
        int flags = 0x0800;
        int localFlags = -1;
        int versionMadeBy = 3 << 8 | 30;
        long externalAttributes = UNIX_FILE;
        Long declaredSize;
        Long declaredCompressedSize;
        Long declaredCrc;
        Long offsetOverride;
        byte[] compressedOverride;
        boolean writeLocal = true;
        boolean zip64;
    }

    private final List<Item> items = new ArrayList<>();
    private boolean zip64End;
    private int disk;
    private byte[] prefix = new byte[0];
    private byte[] comment = new byte[0];

    static ZipFixture builder() {
        return new ZipFixture();
    }

    /** A deflated file with a UTF-8 name. */
    ZipFixture file(String name, byte[] data) {
        Item item = new Item();
        item.name = name.getBytes(StandardCharsets.UTF_8);
        item.data = data;
        items.add(item);
        return this;
    }

    ZipFixture file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stored (uncompressed) file. */
    ZipFixture stored(String name, byte[] data) {
        file(name, data);
        last().method = 0;
        return this;
    }

    /** A folder entry. */
    ZipFixture folder(String name) {
        stored(name, new byte[0]);
        last().externalAttributes = UNIX_DIRECTORY | 0x10;
        return this;
    }

    /** A Unix symbolic link: stored, its target as content, mode 0120777. */
    ZipFixture symlink(String name, String target) {
        stored(name, target.getBytes(StandardCharsets.UTF_8));
        last().externalAttributes = UNIX_SYMLINK;
        return this;
    }

    /** A file whose name is written in another charset, without the UTF-8 flag. */
    ZipFixture file(String name, Charset charset, byte[] data) {
        file(name, data);
        last().name = name.getBytes(charset);
        last().flags = 0;
        return this;
    }

    /** Changes the last entry added. */
    ZipFixture with(Consumer<Item> change) {
        change.accept(last());
        return this;
    }

    /** Writes Zip64 end records (and, with {@link Item#zip64}, Zip64 extra fields). */
    ZipFixture zip64() {
        zip64End = true;
        for (Item item : items) {
            item.zip64 = true;
        }
        return this;
    }

    ZipFixture disk(int number) {
        disk = number;
        return this;
    }

    ZipFixture prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    ZipFixture comment(String text) {
        comment = text.getBytes(StandardCharsets.US_ASCII);
        return this;
    }

    Item last() {
        return items.get(items.size() - 1);
    }

    List<Item> items() {
        return items;
    }

    byte[] build() {
        Out out = new Out();
        out.bytes(prefix);
        long[] offsets = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            offsets[i] = item.offsetOverride != null ? item.offsetOverride : out.size();
            if (item.writeLocal) {
                out.bytes(localRecord(item));
            }
        }
        long cdOffset = out.size();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            byte[] compressed = compressed(item);
            byte[] extra = item.zip64 ? zip64Extra(size(item), compressed(item).length, offsets[i]) : new byte[0];
            out.u32(ZipDirectory.CENTRAL_HEADER);
            out.u16(item.versionMadeBy);
            out.u16(item.zip64 ? 45 : 20);
            out.u16(item.flags);
            out.u16(item.method);
            out.u16(0);
            out.u16(0x21);
            out.u32(crc(item));
            out.u32(item.zip64 ? 0xFFFFFFFFL : compressedSize(item, compressed));
            out.u32(item.zip64 ? 0xFFFFFFFFL : size(item));
            out.u16(item.name.length);
            out.u16(extra.length);
            out.u16(0);
            out.u16(disk);
            out.u16(0);
            out.u32(item.externalAttributes);
            out.u32(item.zip64 ? 0xFFFFFFFFL : offsets[i]);
            out.bytes(item.name);
            out.bytes(extra);
        }
        long cdSize = out.size() - cdOffset;
        if (zip64End) {
            long record = out.size();
            out.u32(ZipDirectory.ZIP64_END_OF_CENTRAL_DIRECTORY);
            out.u64(44);
            out.u16(45);
            out.u16(45);
            out.u32(disk);
            out.u32(disk);
            out.u64(items.size());
            out.u64(items.size());
            out.u64(cdSize);
            out.u64(cdOffset);
            out.u32(ZipDirectory.ZIP64_LOCATOR);
            out.u32(disk);
            out.u64(record);
            out.u32(1);
        }
        out.u32(ZipDirectory.END_OF_CENTRAL_DIRECTORY);
        out.u16(zip64End ? 0xFFFF : disk);
        out.u16(zip64End ? 0xFFFF : disk);
        out.u16(zip64End ? 0xFFFF : items.size());
        out.u16(zip64End ? 0xFFFF : items.size());
        out.u32(zip64End ? 0xFFFFFFFFL : cdSize);
        out.u32(zip64End ? 0xFFFFFFFFL : cdOffset);
        out.u16(comment.length);
        out.bytes(comment);
        return out.toByteArray();
    }

    /** The local header and data of one entry, as {@link #build()} writes them. */
    byte[] localRecord(Item item) {
        byte[] compressed = compressed(item);
        byte[] name = item.localName != null ? item.localName : item.name;
        byte[] extra = item.zip64 ? zip64Extra(size(item), compressed.length, -1) : new byte[0];
        Out out = new Out();
        out.u32(ZipDirectory.LOCAL_HEADER);
        out.u16(item.zip64 ? 45 : 20);
        out.u16(item.localFlags >= 0 ? item.localFlags : item.flags);
        out.u16(item.method);
        out.u16(0);
        out.u16(0x21);
        out.u32(crc(item));
        out.u32(item.zip64 ? 0xFFFFFFFFL : compressedSize(item, compressed));
        out.u32(item.zip64 ? 0xFFFFFFFFL : size(item));
        out.u16(name.length);
        out.u16(extra.length);
        out.bytes(name);
        out.bytes(extra);
        out.bytes(compressed);
        return out.toByteArray();
    }

    private static byte[] zip64Extra(long size, long compressedSize, long offset) {
        Out out = new Out();
        out.u16(0x0001);
        out.u16(offset >= 0 ? 24 : 16);
        out.u64(size);
        out.u64(compressedSize);
        if (offset >= 0) {
            out.u64(offset);
        }
        return out.toByteArray();
    }

    private static byte[] compressed(Item item) {
        if (item.compressedOverride != null) {
            return item.compressedOverride;
        }
        return item.method == 8 ? deflate(item.data) : item.data;
    }

    private static long compressedSize(Item item, byte[] compressed) {
        return item.declaredCompressedSize != null ? item.declaredCompressedSize : compressed.length;
    }

    private static long size(Item item) {
        return item.declaredSize != null ? item.declaredSize : item.data.length;
    }

    private static long crc(Item item) {
        if (item.declaredCrc != null) {
            return item.declaredCrc;
        }
        CRC32 crc = new CRC32();
        crc.update(item.data);
        return crc.getValue();
    }

    /** Raw deflate (no zlib header), as ZIP stores it. */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** An ordinary archive written by {@link ZipOutputStream}; names ending in {@code /} are folders. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@link #zip(Map)} for text entries, in the order given: name, text, name, text, ... */
    static byte[] zip(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return zip(entries);
    }

    /**
     * Patches the external attributes of the central directory record named {@code name} in an
     * archive written by {@link ZipOutputStream} (which always writes zero there) and marks it as
     * made on Unix.
     */
    static byte[] withExternalAttributes(byte[] zip, String name, long attributes) {
        byte[] patched = zip.clone();
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 <= patched.length; at++) {
            if (ZipDirectory.u32(patched, at) == ZipDirectory.CENTRAL_HEADER) {
                int nameLength = ZipDirectory.u16(patched, at + 28);
                if (java.util.Arrays.equals(patched, at + 46, at + 46 + nameLength, wanted, 0, wanted.length)) {
                    patched[at + 5] = 3; // version made by: Unix
                    for (int i = 0; i < 4; i++) {
                        patched[at + 38 + i] = (byte) (attributes >>> (8 * i));
                    }
                    return patched;
                }
            }
        }
        throw new IllegalArgumentException("no central directory record named " + name);
    }

    private static final class Out extends ByteArrayOutputStream {
        void u16(int value) {
            write(value & 0xFF);
            write((value >>> 8) & 0xFF);
        }

        void u32(long value) {
            u16((int) (value & 0xFFFF));
            u16((int) ((value >>> 16) & 0xFFFF));
        }

        void u64(long value) {
            u32(value & 0xFFFFFFFFL);
            u32(value >>> 32);
        }

        void bytes(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }
    }
}

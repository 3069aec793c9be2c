package org.alliancechain.evidence.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Minimal but structurally faithful files of each type, built in code. */
final class Samples {

    private Samples() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] pdf() {
        return ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }

    static byte[] png() {
        return concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13), ascii("IHDR"),
                bytes(0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE));
    }

    static byte[] jpeg() {
        return concat(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10), ascii("JFIF\0"), bytes(1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9));
    }

    static byte[] gif() {
        return concat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B));
    }

    static byte[] riff(String form, String chunk) {
        return concat(ascii("RIFF"), bytes(20, 0, 0, 0), ascii(form), ascii(chunk), bytes(8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    static byte[] webp() {
        return riff("WEBP", "VP8 ");
    }

    static byte[] wav() {
        return riff("WAVE", "fmt ");
    }

    static byte[] tiff() {
        return concat(bytes('I', 'I', 0x2A, 0x00, 8, 0, 0, 0), new byte[16]);
    }

    static byte[] bmp() {
        ByteBuffer b = ByteBuffer.allocate(58).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(58).putInt(0).putInt(54);
        b.putInt(40).putInt(1).putInt(1).putShort((short) 1).putShort((short) 24).putInt(0).putInt(4);
        return b.array();
    }

    /** An ISO base media file: an {@code ftyp} box with this major brand and compatible brands, then an {@code mdat}. */
    static byte[] isoMedia(String brand, String... compatible) {
        int size = 16 + 4 * compatible.length;
        ByteBuffer b = ByteBuffer.allocate(size + 16);
        b.putInt(size).put(ascii("ftyp")).put(ascii(brand)).putInt(0);
        for (String c : compatible) {
            b.put(ascii(c));
        }
        b.putInt(16).put(ascii("mdat")).putLong(0);
        return b.array();
    }

    /** Two MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz (417 bytes each), without an ID3 tag. */
    static byte[] mp3Frames() {
        byte[] b = new byte[417 * 2];
        for (int at : new int[] {0, 417}) {
            b[at] = (byte) 0xFF;
            b[at + 1] = (byte) 0xFB;
            b[at + 2] = (byte) 0x90;
            b[at + 3] = (byte) 0x64;
        }
        return b;
    }

    static byte[] mp3WithId3() {
        return concat(ascii("ID3"), bytes(4, 0, 0, 0, 0, 0, 0), mp3Frames());
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] tar() {
        byte[] b = new byte[1024];
        System.arraycopy(ascii("evidence.txt"), 0, b, 0, 12);
        System.arraycopy(ascii("ustar\u000000"), 0, b, 257, 8);
        return b;
    }

    static byte[] elf() {
        return concat(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0), new byte[56]);
    }

    /** A Windows program: DOS stub with {@code e_lfanew} pointing at a PE signature. */
    static byte[] windowsExe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] docx() {
        return ZipFixture.zip("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<w:document/>");
    }

    static byte[] xlsx() {
        return ZipFixture.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
    }

    static byte[] pptx() {
        return ZipFixture.zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p:presentation/>");
    }

    static byte[] docm() {
        return ZipFixture.zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>",
                "word/vbaProject.bin", "macro");
    }

    static byte[] plainZip() {
        return ZipFixture.zip("readme.txt", "hello", "photos/one.jpg", "not really");
    }

    /** OpenDocument: the first entry is {@code mimetype}, stored, holding the media type. */
    static byte[] openDocument(String mimetype) {
        return ZipFixture.builder()
                .stored("mimetype", ascii(mimetype))
                .file("content.xml", "<office:document-content/>")
                .file("META-INF/manifest.xml", "<manifest:manifest/>")
                .build();
    }

    /**
     * An OLE2 compound file (version 3, 512-byte sectors): header, one FAT sector (sector 0), one
     * directory sector (sector 1) with a root entry of this class id followed by these streams.
     */
    static byte[] compoundFile(byte[] rootClassId, String... streams) {
        if (streams.length > 3) {
            throw new IllegalArgumentException("one directory sector holds the root and three streams");
        }
        ByteBuffer b = ByteBuffer.allocate(512 * 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
        b.position(24);
        b.putShort((short) 0x3E).putShort((short) 3).putShort((short) 0xFFFE).putShort((short) 9).putShort((short) 6);
        b.position(44);
        b.putInt(1).putInt(1).putInt(0).putInt(4096).putInt(-2).putInt(0).putInt(-2).putInt(0);
        b.putInt(0); // DIFAT[0]: the FAT is sector 0
        for (int i = 1; i < 109; i++) {
            b.putInt(-1);
        }
        b.position(512);
        b.putInt(-3).putInt(-2); // sector 0 holds the FAT, sector 1 (the directory) ends its chain
        for (int i = 2; i < 128; i++) {
            b.putInt(-1);
        }
        directoryEntry(b, 1024, "Root Entry", 5, rootClassId);
        for (int i = 0; i < streams.length; i++) {
            directoryEntry(b, 1024 + 128 * (i + 1), streams[i], 2, new byte[16]);
        }
        return b.array();
    }

    private static void directoryEntry(ByteBuffer b, int at, String name, int type, byte[] classId) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        b.position(at);
        b.put(utf16);
        b.position(at + 64);
        b.putShort((short) (utf16.length + 2));
        b.put((byte) type);
        b.position(at + 80);
        b.put(classId);
    }

    static byte[] classId(String guid) {
        String hex = guid.replace("-", "");
        byte[] raw = new byte[16];
        for (int i = 0; i < 16; i++) {
            raw[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        // GUIDs are stored with their first three fields little-endian.
        byte[] b = raw.clone();
        b[0] = raw[3];
        b[1] = raw[2];
        b[2] = raw[1];
        b[3] = raw[0];
        b[4] = raw[5];
        b[5] = raw[4];
        b[6] = raw[7];
        b[7] = raw[6];
        return b;
    }

    static byte[] repeat(byte value, int count) {
        byte[] b = new byte[count];
        Arrays.fill(b, value);
        return b;
    }

    /** Bytes that do not compress: a fixed pseudo-random sequence. */
    static byte[] noise(int count, long seed) {
        byte[] b = new byte[count];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}

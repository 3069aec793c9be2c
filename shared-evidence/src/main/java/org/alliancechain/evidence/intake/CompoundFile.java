package org.alliancechain.evidence.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells legacy Office files apart: an OLE2 compound file ([MS-CFB]) is a small FAT file system,
 * and the streams in its directory name the application (Word, Excel, PowerPoint, Outlook), a
 * Windows installer (by the root entry's class id) or an encrypted Office 2007+ document. Only the
 * header's first 109 FAT sectors are followed, which covers the directory of files up to several
 * megabytes (and larger files whose directory sits early); anything unreadable answers
 * {@link ContentType#OLE}.
 */
final class CompoundFile {

    private static final long END_OF_CHAIN = 0xFFFFFFFEL;
    private static final int HEADER_DIFAT_ENTRIES = 109;
    private static final int DIRECTORY_ENTRY = 128;
    private static final int MAX_DIRECTORY_ENTRIES = 100_000;
    /** {000C1084-...}, {000C1086-...}, {000C1082-...}: Windows Installer package, patch and transform. */
    private static final byte[] MSI_CLASS_TAIL = {0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46};

    private CompoundFile() {
    }

    static ContentType classify(byte[] b) {
        try {
            return classifyOrThrow(b);
        } catch (RuntimeException e) {
            return ContentType.OLE;
        }
    }

    private static ContentType classifyOrThrow(byte[] b) {
        if (b.length < 512 || ZipDirectory.u16(b, 28) != 0xFFFE) {
            return ContentType.OLE;
        }
        int shift = ZipDirectory.u16(b, 30);
        if (shift != 9 && shift != 12) {
            return ContentType.OLE;
        }
        int sectorSize = 1 << shift;
        long fatSectors = ZipDirectory.u32(b, 44);
        long sector = ZipDirectory.u32(b, 48);
        Set<String> names = new HashSet<>();
        boolean installer = false;
        int entries = 0;
        long maxSectors = b.length / sectorSize + 1;
        for (long visited = 0; sector < END_OF_CHAIN - 4 && visited < maxSectors && entries < MAX_DIRECTORY_ENTRIES; visited++) {
            long offset = (sector + 1) * sectorSize;
            if (offset + sectorSize > b.length) {
                break;
            }
            for (int at = (int) offset; at < offset + sectorSize; at += DIRECTORY_ENTRY, entries++) {
                int nameLength = ZipDirectory.u16(b, at + 64);
                int type = b[at + 66];
                if (type == 0 || nameLength < 2 || nameLength > 64 || nameLength % 2 != 0) {
                    continue;
                }
                names.add(new String(b, at, nameLength - 2, StandardCharsets.UTF_16LE));
                if (entries == 0 && type == 5) {
                    int clsid = at + 80;
                    int first = b[clsid] & 0xFF;
                    installer = (first == 0x84 || first == 0x86 || first == 0x82)
                            && ContentType.hasAt(b, clsid + 1, toInts(MSI_CLASS_TAIL));
                }
            }
            sector = next(b, sector, sectorSize, fatSectors);
        }
        if (installer) {
            return ContentType.MSI;
        }
        if (names.contains("EncryptedPackage")) {
            return ContentType.ENCRYPTED_OFFICE;
        }
        if (names.contains("WordDocument")) {
            return ContentType.DOC;
        }
        if (names.contains("Workbook") || names.contains("Book")) {
            return ContentType.XLS;
        }
        if (names.contains("PowerPoint Document")) {
            return ContentType.PPT;
        }
        if (names.contains("__properties_version1.0") || names.stream().anyMatch(n -> n.startsWith("__substg1.0_"))) {
            return ContentType.MSG;
        }
        return ContentType.OLE;
    }

    /** The sector after {@code sector} in its chain, by the FAT; END_OF_CHAIN when the FAT cannot be read. */
    private static long next(byte[] b, long sector, int sectorSize, long fatSectors) {
        int perSector = sectorSize / 4;
        long index = sector / perSector;
        if (index >= HEADER_DIFAT_ENTRIES || index >= fatSectors) {
            return END_OF_CHAIN;
        }
        long fatSector = ZipDirectory.u32(b, 76 + (int) index * 4);
        long offset = (fatSector + 1) * sectorSize + (sector % perSector) * 4;
        if (fatSector >= END_OF_CHAIN - 4 || offset + 4 > b.length) {
            return END_OF_CHAIN;
        }
        return ZipDirectory.u32(b, (int) offset);
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xFF;
        }
        return ints;
    }
}

package org.alliancechain.copyright.fingerprint.image;

/**
 * Reads the EXIF orientation (TIFF tag 0x0112 in IFD0) of a JPEG. The JDK's ImageIO decodes pixels as stored
 * and ignores the tag, so a phone photo taken upright would hash as its rotation. Only JPEG's APP1 segment is
 * read; every malformed or missing structure answers 1 (as stored).
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    static int of(byte[] b) {
        try {
            return read(b);
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static int read(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end: no EXIF before the pixels
                return 1;
            }
            int length = (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
            int body = p + 4;
            if (marker == 0xE1 && length >= 16 && body + 6 <= b.length
                    && b[body] == 'E' && b[body + 1] == 'x' && b[body + 2] == 'i' && b[body + 3] == 'f'
                    && b[body + 4] == 0 && b[body + 5] == 0) {
                return fromTiff(b, body + 6, Math.min(b.length, p + 2 + length));
            }
            p += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + i * 12;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(b, e, little) == 0x0112) {
                int value = u16(b, e + 8, little); // SHORT, count 1: left-justified in the value field
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int p, boolean little) {
        return little ? (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 : (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF;
    }

    private static long u32(byte[] b, int p, boolean little) {
        return little ? (u16(b, p, true) & 0xFFFFL) | (long) u16(b, p + 2, true) << 16
                : (long) u16(b, p, false) << 16 | u16(b, p + 2, false);
    }
}

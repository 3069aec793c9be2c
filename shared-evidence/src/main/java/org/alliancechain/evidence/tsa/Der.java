package org.alliancechain.evidence.tsa;

/**
 * DER written straight into a buffer of known size, and read element by element: for the encodings
 * this package makes many times a second (time-stamp tokens, evidence records), whose layout is fixed
 * and whose constant parts are copied rather than rebuilt through ASN.1 objects.
 */
final class Der {
    private final byte[] buffer;
    private int at;

    Der(int size) {
        buffer = new byte[size];
    }

    /** The size of a whole element (tag, length, content) whose content is {@code contentLength} bytes. */
    static int element(int contentLength) {
        return 1 + lengthOfLength(contentLength) + contentLength;
    }

    static int lengthOfLength(int length) {
        return length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : length < 0x1000000 ? 4 : 5;
    }

    Der header(int tag, int length) {
        buffer[at++] = (byte) tag;
        if (length < 0x80) {
            buffer[at++] = (byte) length;
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
            buffer[at++] = (byte) (0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                buffer[at++] = (byte) (length >>> (8 * i));
            }
        }
        return this;
    }

    Der bytes(byte[] value) {
        System.arraycopy(value, 0, buffer, at, value.length);
        at += value.length;
        return this;
    }

    /** A primitive element: header and content. */
    Der primitive(int tag, byte[] content) {
        return header(tag, content.length).bytes(content);
    }

    byte[] done() {
        if (at != buffer.length) {
            throw new IllegalStateException("DER length miscounted: " + at + " of " + buffer.length);
        }
        return buffer;
    }

    /**
     * One element of {@code der} starting at {@code offset}: its tag, where its content starts and
     * where it ends. Definite lengths only (DER has no others).
     */
    record Element(byte[] der, int start, int tag, int content, int end) {

        static Element at(byte[] der, int offset) {
            if (offset + 2 > der.length) {
                throw new IllegalArgumentException("DER truncated at " + offset);
            }
            int tag = der[offset] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw new IllegalArgumentException("multi-byte DER tags are not expected here");
            }
            int first = der[offset + 1] & 0xFF;
            int content;
            long length;
            if (first < 0x80) {
                length = first;
                content = offset + 2;
            } else {
                int bytes = first & 0x7F;
                if (bytes == 0 || bytes > 4 || offset + 2 + bytes > der.length) {
                    throw new IllegalArgumentException("not a definite DER length at " + offset);
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[offset + 2 + i] & 0xFF);
                }
                content = offset + 2 + bytes;
            }
            if (content + length > der.length) {
                throw new IllegalArgumentException("DER element at " + offset + " runs past the end");
            }
            return new Element(der, offset, tag, content, (int) (content + length));
        }

        /** The first element inside this constructed one. */
        Element first() {
            return at(der, content);
        }

        /** The element after this one, inside the same parent. */
        Element next() {
            return at(der, end);
        }

        boolean last(Element parent) {
            return end >= parent.end;
        }

        /** The whole element's bytes, header included. */
        byte[] encoded() {
            return java.util.Arrays.copyOfRange(der, start, end);
        }
    }
}

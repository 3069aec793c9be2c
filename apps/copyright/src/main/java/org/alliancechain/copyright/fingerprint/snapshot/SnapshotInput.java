package org.alliancechain.copyright.fingerprint.snapshot;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads what {@link SnapshotOutput} wrote. Every length read is checked against the bytes left in the file before
 * anything is allocated for it (a damaged length is an {@link IOException}, never an out-of-memory error), and
 * {@link #verifyEnd()} compares the CRC-32C of everything read with the one written last.
 */
public final class SnapshotInput implements Closeable {

    private static final int BUFFER = 4 << 20;

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    /** Bytes of the file consumed into the buffer so far. */
    private long consumed;

    private SnapshotInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        buffer.limit(0);
    }

    public static SnapshotInput open(Path file) throws IOException {
        return new SnapshotInput(FileChannel.open(file, StandardOpenOption.READ));
    }

    public int readInt() throws IOException {
        need(4);
        return buffer.getInt();
    }

    public long readLong() throws IOException {
        need(8);
        return buffer.getLong();
    }

    /**
     * A count of elements of {@code elementBytes} each that must fit in what is left of the file (less its checksum)
     * and be at most {@code max}.
     */
    public int readCount(int elementBytes, long max) throws IOException {
        int n = readInt();
        long left = fileSize - 8 - (consumed - buffer.remaining());
        if (n < 0 || n > max || (long) n * elementBytes > left) {
            throw new IOException("damaged snapshot: a count of " + n + " where " + left + " bytes are left");
        }
        return n;
    }

    public void readLongs(long[] into, int from, int n) throws IOException {
        while (n > 0) {
            need(8);
            int k = Math.min(n, buffer.remaining() / 8);
            buffer.asLongBuffer().get(into, from, k);
            buffer.position(buffer.position() + 8 * k);
            from += k;
            n -= k;
        }
    }

    public void readInts(int[] into, int from, int n) throws IOException {
        while (n > 0) {
            need(4);
            int k = Math.min(n, buffer.remaining() / 4);
            buffer.asIntBuffer().get(into, from, k);
            buffer.position(buffer.position() + 4 * k);
            from += k;
            n -= k;
        }
    }

    public void readChars(char[] into, int from, int n) throws IOException {
        while (n > 0) {
            need(2);
            int k = Math.min(n, buffer.remaining() / 2);
            buffer.asCharBuffer().get(into, from, k);
            buffer.position(buffer.position() + 2 * k);
            from += k;
            n -= k;
        }
    }

    public void readBytes(byte[] into, int from, int n) throws IOException {
        while (n > 0) {
            need(1);
            int k = Math.min(n, buffer.remaining());
            buffer.get(into, from, k);
            from += k;
            n -= k;
        }
    }

    /** Checks that the checksum follows and matches everything read; the file must end there. */
    public void verifyEnd() throws IOException {
        long expected = crc.getValue();
        int pending = buffer.remaining();
        if (consumed - pending != fileSize - 8) {
            throw new IOException("damaged snapshot: " + (fileSize - 8 - consumed + pending) + " bytes left unread");
        }
        long stored = readTrailer();
        if (stored != expected) {
            throw new IOException("damaged snapshot: checksum " + Long.toHexString(stored) + ", computed "
                    + Long.toHexString(expected));
        }
    }

    private long readTrailer() throws IOException {
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(trailer, fileSize - 8);
        trailer.flip();
        if (trailer.remaining() != 8) {
            throw new IOException("damaged snapshot: no checksum");
        }
        return trailer.getLong();
    }

    /** Makes {@code bytes} readable in the buffer, refilling it from the file (never past the checksum). */
    private void need(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        buffer.compact();
        long body = fileSize - 8;
        while (buffer.position() < bytes) {
            long left = body - consumed;
            if (left <= 0) {
                throw new IOException("damaged snapshot: it ends early");
            }
            int before = buffer.position();
            if (left < buffer.remaining()) {
                buffer.limit(before + (int) left);
            }
            int read = channel.read(buffer);
            buffer.limit(buffer.capacity());
            if (read < 0) {
                throw new IOException("damaged snapshot: it ends early");
            }
            ByteBuffer fresh = buffer.duplicate();
            fresh.position(before).limit(before + read);
            crc.update(fresh);
            consumed += read;
        }
        buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

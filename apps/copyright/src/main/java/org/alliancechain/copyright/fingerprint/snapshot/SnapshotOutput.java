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
 * Writes an index snapshot: primitive values and arrays in little-endian order through one direct buffer, with a
 * CRC-32C of every byte written last by {@link #finish()} ({@link SnapshotInput} checks it). Arrays go in bulk
 * (a {@code long[]} of a gigabyte is copied into the buffer a few megabytes at a time, not value by value).
 */
public final class SnapshotOutput implements Closeable {

    private static final int BUFFER = 4 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long written;

    private SnapshotOutput(FileChannel channel) {
        this.channel = channel;
    }

    /** A new file (replacing one left there). */
    public static SnapshotOutput create(Path file) throws IOException {
        return new SnapshotOutput(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE));
    }

    public void writeInt(int v) throws IOException {
        room(4);
        buffer.putInt(v);
    }

    public void writeLong(long v) throws IOException {
        room(8);
        buffer.putLong(v);
    }

    public void writeLongs(long[] values, int from, int n) throws IOException {
        while (n > 0) {
            room(8);
            int k = Math.min(n, buffer.remaining() / 8);
            buffer.asLongBuffer().put(values, from, k);
            buffer.position(buffer.position() + 8 * k);
            from += k;
            n -= k;
        }
    }

    public void writeInts(int[] values, int from, int n) throws IOException {
        while (n > 0) {
            room(4);
            int k = Math.min(n, buffer.remaining() / 4);
            buffer.asIntBuffer().put(values, from, k);
            buffer.position(buffer.position() + 4 * k);
            from += k;
            n -= k;
        }
    }

    public void writeChars(char[] values, int from, int n) throws IOException {
        while (n > 0) {
            room(2);
            int k = Math.min(n, buffer.remaining() / 2);
            buffer.asCharBuffer().put(values, from, k);
            buffer.position(buffer.position() + 2 * k);
            from += k;
            n -= k;
        }
    }

    public void writeBytes(byte[] values, int from, int n) throws IOException {
        while (n > 0) {
            room(1);
            int k = Math.min(n, buffer.remaining());
            buffer.put(values, from, k);
            from += k;
            n -= k;
        }
    }

    /** Bytes written so far. */
    public long size() {
        return written + buffer.position();
    }

    /** Writes the checksum of everything before it and forces the file to the disk. */
    public void finish() throws IOException {
        flush();
        buffer.putLong(crc.getValue());
        buffer.flip();
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        buffer.clear();
        channel.force(true);
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package org.alliancechain.copyright.fingerprint.snapshot;

/**
 * Open-addressing long → long map for keys other than 0 (work ids → the first 8 bytes of their fingerprint digests, which
 * a snapshot is written with: kept in memory so that writing one needs no database, e.g. while the service stops).
 * Not thread-safe; 16 bytes per slot, at most half full.
 */
public final class LongLongMap {
    private long[] keys;
    private long[] values;
    private int size;

    public LongLongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new long[cap];
    }

    public int size() {
        return size;
    }

    public boolean contains(long key) {
        return key != 0 && keys[slot(key)] == key;
    }

    /** The value put for {@code key}, or {@code absent}. */
    public long get(long key, long absent) {
        if (key == 0) {
            return absent;
        }
        int i = slot(key);
        return keys[i] == key ? values[i] : absent;
    }

    public void put(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    /** The slot holding {@code key}, or the empty one where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}

package org.alliancechain.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashAlgorithmTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sha256MatchesTheFips180TestVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HashAlgorithm.SHA256.hex(ABC));
    }

    @Test
    void sm3MatchesTheGbT32905TestVector() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", HashAlgorithm.SM3.hex(ABC));
    }

    @Test
    void streamingGivesTheSameDigestAsHashingInMemory() throws Exception {
        var data = new byte[300_000];
        new Random(7).nextBytes(data);
        for (var algorithm : HashAlgorithm.values()) {
            assertArrayEquals(algorithm.digest(data), algorithm.digest(new ByteArrayInputStream(data)), algorithm.id());
        }
    }

    @Test
    void unknownAlgorithmNamesAreRefusedByName() {
        assertEquals(HashAlgorithm.SM3, HashAlgorithm.byId("SM3"));
        var e = assertThrows(IllegalArgumentException.class, () -> HashAlgorithm.byId("md5"));
        assertEquals("unknown hash algorithm 'md5' (sha256 or sm3)", e.getMessage());
    }
}

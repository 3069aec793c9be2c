package org.alliancechain.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The suite's one hashing entry point: SHA-256 by default, SM3 (GB/T 32905) where national
 * cryptography is required. Both produce 32-byte digests, so either fits an on-chain bytes32.
 */
public enum HashAlgorithm {
    SHA256("sha256") {
        @Override
        Digest newDigest() {
            return new SHA256Digest();
        }

        /** The JDK's SHA-256: its compression function is a CPU intrinsic, several times BouncyCastle's pure-Java speed. */
        @Override
        public byte[] digest(byte[] data) {
            var digest = JDK_SHA256.get();
            return digest.digest(data);
        }

        @Override
        public byte[] digest(InputStream in) throws IOException {
            var digest = JDK_SHA256.get();
            digest.reset();
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        }
    },
    SM3("sm3") {
        @Override
        Digest newDigest() {
            return new SM3Digest();
        }
    };

    private final String id;

    /** One per thread: a MessageDigest is not thread-safe, and getInstance looks the provider up each time. */
    private static final ThreadLocal<java.security.MessageDigest> JDK_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    HashAlgorithm(String id) {
        this.id = id;
    }

    /** The lower-case name used in APIs, documents and proofs ("sha256", "sm3"). */
    public String id() {
        return id;
    }

    /** The digest's length in bytes: 32 for both, so either fits a bytes32. */
    public int digestLength() {
        return 32;
    }

    abstract Digest newDigest();

    public byte[] digest(byte[] data) {
        var digest = newDigest();
        digest.update(data, 0, data.length);
        var out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Streams the input: files of any size are hashed in constant memory. */
    public byte[] digest(InputStream in) throws IOException {
        var digest = newDigest();
        var buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        var out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    public String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    public static HashAlgorithm byId(String id) {
        for (var a : values()) {
            if (a.id.equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown hash algorithm '" + id + "' (sha256 or sm3)");
    }
}

package org.alliancechain.copyright.fingerprint.image;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is kept of a registered image (copyright.md §3): its PDQ hash, its region hashes for crops
 * and its size, from one decoding; and, for a query only, the hashes it would have in the eight
 * orientations. Serialised in a versioned binary form (what the index is rebuilt from); its SHA-256
 * is the fingerprint digest anchored on chain.
 */
public record ImageFingerprint(PdqHash pdq, List<PdqRegions.Region> regions, int width, int height,
                               Map<Pdq.Orientation, PdqHash> orientations) {

    /**
     * Algorithm id, as a C2PA soft-binding entry would name it (copyright.md §8). Version 2 adds scale-space blob
     * regions to the threshold components of version 1 (same binary form); works registered under version 1 keep
     * their regions and are still found, by the components a version-2 query also has. Version 3 weighs blobs near the
     * frame down ({@link PdqRegions#CROP_HORIZON}; same binary form): works registered under version 2 keep
     * their regions, and a query's regions are a selection from the same detector.
     */
    public static final String ALG = "org.alliancechain.copyright.image-pdq-regions.3";
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'A', 'C', 'I', 'F'};

    public ImageFingerprint {
        regions = List.copyOf(regions);
        orientations = orientations == null ? Map.of() : Map.copyOf(orientations);
    }

    /**
     * Decodes once (EXIF orientation applied) and computes the PDQ hash, its eight orientations and the
     * region hashes.
     *
     * @throws ImageFingerprintException not an image, too large, or too flat or small to fingerprint
     */
    public static ImageFingerprint of(byte[] imageBytes) {
        // Large images are read subsampled down to (at least) the 1,024 pixels a side PDQ and the regions work from.
        var decoded = LumaImage.decode(imageBytes, Pdq.MAX_PIXELS, Pdq.PRE_RESIZE);
        var fp = of(decoded.image());
        if (decoded.width() == decoded.image().width && decoded.height() == decoded.image().height) {
            return fp;
        }
        // boxes and size in the encoded image's pixels, as from a full decode
        double fx = decoded.width() / (double) decoded.image().width;
        double fy = decoded.height() / (double) decoded.image().height;
        var regions = fp.regions().stream().map(r -> new PdqRegions.Region((int) Math.round(r.x() * fx), (int) Math.round(r.y() * fy),
                (int) Math.round(r.width() * fx), (int) Math.round(r.height() * fy), r.hash())).toList();
        return new ImageFingerprint(fp.pdq(), regions, decoded.width(), decoded.height(), fp.orientations());
    }

    static ImageFingerprint of(LumaImage upright) {
        var coefficients = Pdq.requireQuality(Pdq.coefficients(upright));
        return new ImageFingerprint(coefficients.hash(Pdq.Orientation.ORIGINAL), PdqRegions.of(upright), upright.width, upright.height,
                coefficients.dihedral());
    }

    /** The canonical binary form (orientations are derived, not stored). */
    public byte[] toBytes() {
        var bytes = new ByteArrayOutputStream(64 + regions.size() * 52);
        try (var out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(FORMAT_VERSION);
            out.writeInt(width);
            out.writeInt(height);
            writeHash(out, pdq);
            out.writeShort(regions.size());
            for (var r : regions) {
                out.writeInt(r.x());
                out.writeInt(r.y());
                out.writeInt(r.width());
                out.writeInt(r.height());
                writeHash(out, r.hash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ImageFingerprint fromBytes(byte[] data) {
        try (var in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
            byte[] magic = in.readNBytes(4);
            int version = in.readUnsignedByte();
            if (!java.util.Arrays.equals(magic, MAGIC) || version != FORMAT_VERSION) {
                throw new IllegalArgumentException("not an image fingerprint of format " + FORMAT_VERSION);
            }
            int width = in.readInt();
            int height = in.readInt();
            PdqHash pdq = readHash(in);
            int n = in.readUnsignedShort();
            var regions = new ArrayList<PdqRegions.Region>(n);
            for (int i = 0; i < n; i++) {
                regions.add(new PdqRegions.Region(in.readInt(), in.readInt(), in.readInt(), in.readInt(), readHash(in)));
            }
            return new ImageFingerprint(pdq, regions, width, height, null);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated image fingerprint", e);
        }
    }

    /** SHA-256 of {@link #toBytes()}. */
    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(toBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No ISCC Image-Code yet (copyright.md §3.3). */
    public String iscc() {
        return null;
    }

    private static void writeHash(DataOutputStream out, PdqHash h) throws IOException {
        out.write(h.toBytes());
        out.writeByte(h.quality());
    }

    private static PdqHash readHash(DataInputStream in) throws IOException {
        byte[] bits = in.readNBytes(32);
        if (bits.length != 32) {
            throw new IOException("truncated");
        }
        return PdqHash.fromBytes(bits, in.readUnsignedByte());
    }
}

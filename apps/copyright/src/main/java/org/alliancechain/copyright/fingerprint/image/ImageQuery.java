package org.alliancechain.copyright.fingerprint.image;

import java.util.List;
import java.util.Map;

/**
 * A suspected copy to look up ({@link ImageSearch#search(ImageQuery, int)}): decoded once (large images subsampled,
 * as for registration), its PDQ hash in the eight orientations computed at once, its region hashes only when they
 * are asked for — a look-up needs them only when the whole image matched nothing, and they are most of the cost
 * of fingerprinting. Not thread-safe.
 */
public final class ImageQuery {

    private final LumaImage upright;
    private final PdqHash pdq;
    private final Map<Pdq.Orientation, PdqHash> orientations;
    private final Map<Pdq.Orientation, PdqHash> mirrored;
    private List<PdqRegions.Region> regions;
    private Map<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>> turned;

    private ImageQuery(LumaImage upright, PdqHash pdq, Map<Pdq.Orientation, PdqHash> orientations, Map<Pdq.Orientation, PdqHash> mirrored) {
        this.upright = upright;
        this.pdq = pdq;
        this.orientations = orientations;
        this.mirrored = mirrored;
    }

    /**
     * Decodes the image and hashes it as a whole.
     *
     * @throws ImageFingerprintException not an image, too large, or too flat or small to fingerprint
     */
    public static ImageQuery of(byte[] imageBytes) {
        return of(LumaImage.decode(imageBytes, Pdq.MAX_PIXELS, Pdq.PRE_RESIZE).image());
    }

    /** A decoded image (upright), hashed as a whole. */
    static ImageQuery of(LumaImage upright) {
        var coefficients = Pdq.requireQuality(Pdq.coefficients(upright));
        var mirrored = Pdq.coefficients(upright.oriented(2)).dihedral();
        return new ImageQuery(upright, coefficients.hash(Pdq.Orientation.ORIGINAL), coefficients.dihedral(), mirrored);
    }

    public PdqHash pdq() {
        return pdq;
    }

    /** The hash in each of the eight orientations (the query's, as the registered image would have if so transformed). */
    public Map<Pdq.Orientation, PdqHash> orientations() {
        return orientations;
    }

    /**
     * The pixel mirror image's hash in each of the eight orientations, {@code o} standing for the query mirrored, then
     * turned or mirrored by {@code o} ({@code o.after(FLIP_X)}). Its {@code ORIGINAL} is what a work the query is a mirror
     * image of hashed to at registration: {@link #orientations()}' {@code FLIP_X} is derived from the query's DCT instead
     * (PDQ's way, exact for the coefficients), but PDQ's blur and its 64 × 64 samples are not symmetric to the pixel, and
     * on a fine texture (GNOME's wood grain) a mirror image lies 38 bits from its work by that hash, 0 by this one. A transposition commutes with PDQ's sampling (the same
     * window on both axes), so the mirror image transposed is a quarter turn of the query exact to the pixel, where the
     * query's own DCT-derived turn is not: a quarter turn of MATE's Spring lies 36 bits from its work by that, 0 by this.
     * The other quarter turn, the half turn and the anti-diagonal are exact in {@link #turnedOrientations()}.
     */
    public Map<Pdq.Orientation, PdqHash> mirroredOrientations() {
        return mirrored;
    }

    /**
     * The query's pixels mirrored top–bottom ({@code FLIP_Y}) and turned half a turn ({@code ROTATE_180}), each hashed in
     * the eight orientations, computed on the first call (two more PDQ passes). With the query and its mirror image, every
     * orientation of a copy has a variant exact to the pixel (each of these four, and each transposed).
     */
    public Map<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>> turnedOrientations() {
        if (turned == null) {
            var passes = new java.util.EnumMap<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>>(Pdq.Orientation.class);
            passes.put(Pdq.Orientation.FLIP_Y, Pdq.coefficients(upright.oriented(4)).dihedral());
            passes.put(Pdq.Orientation.ROTATE_180, Pdq.coefficients(upright.oriented(3)).dihedral());
            turned = java.util.Collections.unmodifiableMap(passes);
        }
        return turned;
    }

    /** The region hashes (boxes in the decoded image's pixels, which may be subsampled), computed on the first call. */
    public List<PdqRegions.Region> regions() {
        if (regions == null) {
            regions = PdqRegions.of(upright);
        }
        return regions;
    }
}

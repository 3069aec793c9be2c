package org.alliancechain.copyright.fingerprint.image;

import java.util.Objects;

/**
 * An image that cannot be fingerprinted. The message is written for the person who sent the image (no class
 * names, no stack details); {@link #reason()} is for code that maps refusals to problem+json responses (all
 * of them are the sender's input: 422, or 413 for {@link Reason#TOO_LARGE}).
 */
public final class ImageFingerprintException extends RuntimeException {

    /** Why an image was refused. */
    public enum Reason {
        /** The bytes are not an image in a format this service reads (JPEG, PNG, GIF, BMP, WBMP, WebP), or they are damaged. */
        NOT_AN_IMAGE,
        /** An image format or colour model the decoder does not read (e.g. CMYK JPEG). */
        UNSUPPORTED,
        /** More pixels than {@link Pdq#MAX_PIXELS} (a decompression bomb or a huge scan). */
        TOO_LARGE,
        /** Too small or too flat to fingerprint: PDQ quality below {@link Pdq#MIN_QUALITY}. */
        LOW_QUALITY
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final int quality;

    ImageFingerprintException(Reason reason, String message) {
        this(reason, message, -1, null);
    }

    ImageFingerprintException(Reason reason, String message, int quality, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.quality = quality;
    }

    public Reason reason() {
        return reason;
    }

    /** The measured PDQ quality for {@link Reason#LOW_QUALITY}, else -1. */
    public int quality() {
        return quality;
    }
}

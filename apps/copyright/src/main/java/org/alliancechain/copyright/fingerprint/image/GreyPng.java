package org.alliancechain.copyright.fingerprint.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * An image re-encoded as an 8-bit grey PNG of its luma, upright: what a text recogniser is given instead of the file
 * as sent. It is decoded here, where the pixel limit is checked from the header before decoding (a decompression bomb
 * never reaches the recogniser) and WebP is read; the recogniser then sees one plain format.
 */
public final class GreyPng {

    private GreyPng() {
    }

    /**
     * @throws ImageFingerprintException not an image, damaged, or more than {@link Pdq#MAX_PIXELS} pixels
     */
    public static byte[] of(byte[] imageBytes) {
        LumaImage luma = LumaImage.decode(imageBytes, Pdq.MAX_PIXELS);
        BufferedImage grey = new BufferedImage(luma.width, luma.height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] row = new byte[luma.width];
        var raster = grey.getRaster();
        for (int y = 0; y < luma.height; y++) {
            for (int x = 0; x < luma.width; x++) {
                row[x] = (byte) Math.max(0, Math.min(255, Math.round(luma.luma[y * luma.width + x])));
            }
            raster.setDataElements(0, y, luma.width, 1, row);
        }
        var out = new ByteArrayOutputStream(luma.width * luma.height / 4 + 1024);
        try {
            ImageIO.write(grey, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package org.alliancechain.einvoice.documents.ofd;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A GB/T 38540 version 4 electronic seal (SESeal): who may use it (the holders' certificates), its picture and
 * validity, signed by the seal maker. {@link #encoded} is what goes into TBS_Sign and the OFD's seal file.
 *
 * @param esId    the seal's identifier (esID)
 * @param name    the seal's name, e.g. "北京互联三六五科技有限公司发票专用章"
 * @param encoded the DER of SESeal
 */
public record ElectronicSeal(String esId, String name, byte[] encoded) {

    /** 发票专用章 is type 3 in the fiscal seal catalogue the real invoices use (the fixtures' seals are type 3). */
    public static final int INVOICE_SEAL_TYPE = 3;

    public ElectronicSeal {
        Objects.requireNonNull(esId, "esId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoded, "encoded");
    }

    /**
     * Makes a seal for {@code holder}: the maker signs the seal info (SES_SealInfo DER, as ofdrw and the real
     * fixtures do) with SM3withSM2; the picture is an oval red seal with the name, 40 x 30 mm like 发票专用章.
     */
    public static ElectronicSeal make(String name, SealSigner maker, X509Certificate holder, Instant validFrom, Instant validTo) {
        String esId = UUID.randomUUID().toString().replace("-", "");
        try {
            var info = SesV4.sealInfo("ACS", esId, INVOICE_SEAL_TYPE, name, List.of(holder.getEncoded()), validFrom,
                    validFrom, validTo, "PNG", picture(name), 40, 30);
            byte[] signature = maker.sign(SesV4.sealToBeSigned(info));
            return new ElectronicSeal(esId, name, SesV4.der(SesV4.seal(info, maker.certificate().getEncoded(), signature)));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unencodable certificate", e);
        }
    }

    /** A seal as its seal-making system issued it (SESeal v4 DER); its identifier and name are read from it. */
    public static ElectronicSeal read(byte[] der) {
        try {
            var parsed = SesV4.parseSeal(der);
            return new ElectronicSeal(parsed.esId(), parsed.name(), der.clone());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a GB/T 38540 version 4 seal: " + e.getMessage(), e);
        }
    }

    /** The seal's appearance; readers draw it at the stamp position. Drawn, not shipped, so no image asset to keep. */
    static byte[] picture(String name) {
        int w = 400;
        int h = 300;
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xD0, 0x10, 0x10));
            g.setStroke(new BasicStroke(12));
            g.drawOval(8, 8, w - 16, h - 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
            var metrics = g.getFontMetrics();
            String shown = name.length() > 12 ? name.substring(0, 12) : name;
            g.drawString(shown, (w - metrics.stringWidth(shown)) / 2, h / 2 - 10);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            String label = "发票专用章";
            g.drawString(label, (w - g.getFontMetrics().stringWidth(label)) / 2, h / 2 + 60);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package org.alliancechain.evidence.pdf;

import java.util.Collection;
import java.util.List;
import org.alliancechain.evidence.pki.SigningIdentity;

/**
 * A PDF/A-3b document drawn at fixed positions — a form such as an invoice — by the writer the
 * certificates use ({@link PdfA3Writer}, ADR 0010): A4 pages, text lines in the embedded Noto Sans SC
 * (subsets), rectangles, QR codes, associated files, and a PAdES B-T signature written in the
 * document's only revision, so the signed file is the PDF/A file. Coordinates are PDF points from the
 * lower left corner. One instance draws one document; not thread-safe.
 */
public final class PdfA3Document {

    public static final float PAGE_WIDTH = PdfA3Writer.PAGE_WIDTH;
    public static final float PAGE_HEIGHT = PdfA3Writer.PAGE_HEIGHT;

    private final PdfA3Writer pdf;

    private PdfA3Document(PdfA3Writer pdf) {
        this.pdf = pdf;
        pdf.newPage();
    }

    /**
     * A document with its first page.
     *
     * @param fixedText    every label the kind of document prints whatever it holds: its glyphs are subset once per JVM
     *                     (keep it a constant: one subset is kept per distinct text)
     * @param variableText the rest of what this document prints (names, numbers): decides whether the smaller
     *                     common-characters font (GB 2312, Latin) is enough or the full font is needed
     */
    public static PdfA3Document create(String fixedText, Collection<String> variableText) {
        var common = CertificateRenderer.CertificateFont.common();
        boolean covered = variableText.stream().allMatch(text -> text == null || text.codePoints().allMatch(common::has));
        return new PdfA3Document(new PdfA3Writer(CertificateRenderer.CertificateFont.shared(fixedText),
                covered ? common : CertificateRenderer.CertificateFont.full()));
    }

    /** Title, author and subject, in the Info dictionary and the XMP metadata alike. */
    public void describe(String title, String author, String subject) {
        pdf.describe(title, author, subject);
    }

    /**
     * An associated file (PDF/A-3 §6.8): in the catalogue's {@code /AF} and the embedded-files name tree, with its
     * MIME type and size.
     *
     * @param relationship {@code Source}, {@code Data}, {@code Alternative}, {@code Supplement} or {@code Unspecified}
     */
    public void attach(String name, String description, String mediaType, byte[] content, String relationship) {
        pdf.attach(name, description, mediaType, content, relationship);
    }

    public void newPage() {
        pdf.newPage();
    }

    /** The text with each character no embedded font can draw written as {@code [U+XXXX]} (PDF/A forbids .notdef glyphs). */
    public String printable(String text) {
        return CertificateRenderer.printable(pdf, text);
    }

    /** The width of a (printable) text at a size, in points. */
    public float width(String text, float size) {
        return pdf.width(text, size);
    }

    /** The text broken into lines no wider than {@code maxWidth}: at spaces, between CJK characters, inside long runs. */
    public List<String> wrap(String text, float size, float maxWidth) {
        return PageWriter.wrap(pdf, text, size, maxWidth);
    }

    /** One line of (printable) text with its baseline at (x, y), in a colour {@code 0xRRGGBB}. */
    public void text(String text, float x, float y, float size, int rgb) {
        pdf.text(text, x, y, size, colour(rgb));
    }

    public void fillRect(int rgb, float x, float y, float width, float height) {
        pdf.fillRect(colour(rgb), x, y, width, height);
    }

    public void strokeRect(int rgb, float lineWidth, float x, float y, float width, float height) {
        pdf.strokeRect(colour(rgb), lineWidth, x, y, width, height);
    }

    /** A QR code (error correction M, UTF-8) of the text as vector squares in a square of the size, lower left at (x, y). */
    public void qrCode(String text, float x, float y, float size) {
        pdf.qr(CertificateRenderer.qrCode(text), x, y, size);
    }

    /** The unsigned document. */
    public byte[] finish() {
        return pdf.finish();
    }

    /**
     * The document signed PAdES baseline B-T by the identity, time-stamped by the signer's TSA, in the
     * document's only revision (one signature; the file stays PDF/A-3b). Sign at B-LT or B-LTA with
     * {@link PadesSigner#sign} on {@link #finish()}'s bytes.
     */
    public byte[] finishSigned(PadesSigner signer, SigningIdentity identity, String reason, String location) {
        return signer.signInOnePass(pdf, identity, reason, location);
    }

    private static PdfA3Writer.Rgb colour(int rgb) {
        return PdfA3Writer.Rgb.of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}

package org.alliancechain.evidence.pdf;

import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.pdf.PdfA3Writer.Rgb;

/**
 * A list as a PDF/A-3b document — e.g. a case's evidence list: a bilingual title, a few heading rows, a
 * table that runs over as many pages as it needs (its header repeated), a closing note, and the list's
 * machine-readable forms embedded as associated files (so the signed document carries the data, not only
 * its picture). Sign the result with {@link PadesSigner}.
 */
public final class ListRenderer {

    /** A column: its heading and its share of the page width. */
    public record Column(String label, float share) {
    }

    /** A file embedded in the document as an associated file. */
    public record Attachment(String name, String description, String mediaType, byte[] content) {
    }

    public record Listing(String titleChinese, String titleEnglish, String author, List<Map.Entry<String, String>> heading,
                          List<Column> columns, List<List<String>> rows, String note, List<Attachment> attachments) {
    }

    /** The unsigned PDF/A-3b document. */
    public byte[] render(Listing listing) {
        var pdf = new PdfA3Writer(CertificateRenderer.CertificateFont.shared(CertificateRenderer.FIXED_TEXT),
                CertificateRenderer.CertificateFont.full());
        pdf.describe(listing.titleChinese() + " / " + listing.titleEnglish(), listing.author(), null);
        for (var attachment : listing.attachments()) {
            pdf.attach(attachment.name(), attachment.description(), attachment.mediaType(), attachment.content());
        }
        java.util.function.UnaryOperator<String> p = text -> CertificateRenderer.printable(pdf, text == null ? "—" : text);
        var page = new PageWriter(pdf);
        page.centred(p.apply(listing.titleChinese()), 20, CertificateRenderer.ACCENT, 0);
        page.centred(p.apply(listing.titleEnglish()), 12, CertificateRenderer.ACCENT, 8);
        for (var row : listing.heading()) {
            page.row(p.apply(row.getKey()), 7.5f, p.apply(row.getValue()), 8.5f, CertificateRenderer.LABEL_BACKGROUND, 0.28f);
        }
        float[] shares = new float[listing.columns().size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = listing.columns().get(i).share();
        }
        page.paragraph("", 6, Rgb.BLACK, 4);
        page.table(listing.columns().stream().map(c -> p.apply(c.label())).toList(), shares,
                listing.rows().stream().map(r -> r.stream().map(p).toList()).toList(), 6.5f, CertificateRenderer.LABEL_BACKGROUND);
        if (listing.note() != null) {
            page.paragraph(p.apply(listing.note()), 7, Rgb.DARK_GRAY, 8);
        }
        return pdf.finish();
    }
}

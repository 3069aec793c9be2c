package org.alliancechain.evidence.pdf;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * A list as a PDF/A-3b document — e.g. a case's evidence list: a bilingual title, a few heading rows, a
 * table that runs over as many pages as it needs (its header repeated), a closing note, and the list's
 * machine-readable forms embedded as associated files (so the signed document carries the data, not only
 * its picture). Sign the result with {@link PadesSigner}.
 */
public final class ListRenderer {

    private static final DeviceRgb ACCENT = new DeviceRgb(0x1f, 0x4e, 0x79);
    private static final DeviceRgb SHADE = new DeviceRgb(0xee, 0xf3, 0xf8);

    /** A column: its heading and its share of the page width. */
    public record Column(String label, float share) {
    }

    /** A file embedded in the document as an associated file. */
    public record Attachment(String name, String description, String mediaType, byte[] content) {
    }

    public record Listing(String titleChinese, String titleEnglish, String author, List<Map.Entry<String, String>> heading,
                          List<Column> columns, List<List<String>> rows, String note, List<Attachment> attachments) {
    }

    private final byte[] iccProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** The unsigned PDF/A-3b document. */
    public byte[] render(Listing listing) {
        FastXmlParsers.install();
        FontProgram program = CertificateRenderer.CertificateFont.full();
        var out = new ByteArrayOutputStream(64 * 1024);
        var intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", new ByteArrayInputStream(iccProfile));
        try (var pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)), PdfAConformance.PDF_A_3B, intent)) {
            var info = pdf.getDocumentInfo();
            info.setTitle(listing.titleChinese() + " / " + listing.titleEnglish());
            info.setAuthor(listing.author());
            info.setCreator("Alliance Chain Suite");
            for (var attachment : listing.attachments()) {
                PdfFileSpec spec = PdfFileSpec.createEmbeddedFileSpec(pdf, attachment.content(), attachment.description(), attachment.name(),
                        new PdfName(attachment.mediaType()), null, PdfName.Data);
                pdf.addAssociatedFile(attachment.name(), spec);
            }
            var font = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
            java.util.function.UnaryOperator<String> p = text -> CertificateRenderer.printable(program, text == null ? "—" : text);
            var page = new PageWriter(pdf, font);
            page.centred(p.apply(listing.titleChinese()), 20, ACCENT, 0);
            page.centred(p.apply(listing.titleEnglish()), 12, ACCENT, 8);
            for (var row : listing.heading()) {
                page.row(p.apply(row.getKey()), 7.5f, p.apply(row.getValue()), 8.5f, SHADE, 0.28f);
            }
            float[] shares = new float[listing.columns().size()];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = listing.columns().get(i).share();
            }
            page.paragraph("", 6, ColorConstants.BLACK, 4);
            page.table(listing.columns().stream().map(c -> p.apply(c.label())).toList(), shares,
                    listing.rows().stream().map(r -> r.stream().map(p).toList()).toList(), 6.5f, SHADE);
            if (listing.note() != null) {
                page.paragraph(p.apply(listing.note()), 7, ColorConstants.DARK_GRAY, 8);
            }
        }
        return out.toByteArray();
    }
}

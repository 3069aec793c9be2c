package org.alliancechain.evidence.pdf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.alliancechain.evidence.CanonicalJson;

/**
 * Lays out an evidence certificate as PDF/A-3b: bilingual labels, the facts of the record and of
 * its anchoring, a QR code to the verification page, and the record, its proof and its time-stamp
 * token embedded as associated files ({@code record.json}, {@code proof.json}, {@code timestamp.tsr}).
 * The font (CJK and Latin) is embedded as a subset. Thread-safe; the font program is parsed once.
 */
public final class CertificateRenderer {

    /** The embedded-file names a verifier looks for. */
    public static final String RECORD_FILE = "record.json";
    public static final String PROOF_FILE = "proof.json";
    public static final String TIMESTAMP_FILE = "timestamp.tsr";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));
    private static final DeviceRgb ACCENT = new DeviceRgb(0x1f, 0x4e, 0x79);
    private static final DeviceRgb LABEL_BACKGROUND = new DeviceRgb(0xee, 0xf3, 0xf8);

    private final FontProgram commonFont;
    private final FontProgram fullFont;
    private final byte[] iccProfile;

    public CertificateRenderer() {
        FastXmlParsers.install();
        this.commonFont = CertificateFont.common();
        this.fullFont = CertificateFont.full();
        this.iccProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /**
     * The common-characters font when it has a glyph for every character of the certificate (iText
     * subsets it several times faster), else the full font.
     */
    private FontProgram fontFor(EvidenceCertificate certificate) {
        var record = certificate.record();
        var texts = new java.util.ArrayList<String>(java.util.List.of(certificate.number(), certificate.title().chinese(),
                certificate.title().english(), certificate.issuerName(), String.valueOf(record.issuer()), String.valueOf(record.title()),
                String.valueOf(record.kind()), String.valueOf(record.reference()), certificate.verificationUrl()));
        record.parties().forEach((role, name) -> {
            texts.add(role);
            texts.add(name);
        });
        record.attributes().forEach((label, value) -> {
            texts.add(label);
            texts.add(value);
        });
        if (record.file() != null) {
            texts.add(String.valueOf(record.file().name()));
            texts.add(String.valueOf(record.file().mediaType()));
        }
        for (String text : texts) {
            if (!text.codePoints().allMatch(c -> Character.isWhitespace(c) || commonFont.getGlyph(c) != null)) {
                return fullFont;
            }
        }
        return commonFont;
    }

    /** The unsigned PDF/A-3b certificate. */
    public byte[] render(EvidenceCertificate certificate) {
        var out = new ByteArrayOutputStream(64 * 1024);
        var intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", new ByteArrayInputStream(iccProfile));
        try (var pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)), PdfAConformance.PDF_A_3B, intent);
             var document = new Document(pdf, PageSize.A4)) {
            var program = fontFor(certificate);
            PdfFont cjk = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
            java.util.function.UnaryOperator<String> p = text -> printable(program, text);
            document.setFont(cjk).setFontSize(9.5f);
            document.setMargins(42, 42, 42, 42);
            describe(pdf.getDocumentInfo(), certificate);
            attach(pdf, certificate);

            document.add(new Paragraph(certificate.title().chinese()).setFontSize(22).setFontColor(ACCENT)
                    .setTextAlignment(TextAlignment.CENTER).setMarginBottom(0));
            document.add(new Paragraph(certificate.title().english()).setFontSize(13).setFontColor(ACCENT)
                    .setTextAlignment(TextAlignment.CENTER).setMarginTop(0));
            document.add(new Paragraph("证书编号 Certificate No. " + p.apply(certificate.number())).setTextAlignment(TextAlignment.CENTER)
                    .setFontSize(10));

            var facts = new Table(UnitValue.createPercentArray(new float[] {31, 69})).useAllAvailableWidth();
            var record = certificate.record();
            row(facts, "出具机构", "Issued by", p.apply(certificate.issuerName() + " (" + record.issuer() + ")"));
            row(facts, "事项", "Subject", p.apply(record.title()));
            row(facts, "类型 / 编号", "Kind / reference", p.apply(record.kind() + " / " + record.reference()));
            record.partiesInOrder().forEach(party -> row(facts, "当事人", p.apply("Party: " + party.getKey()), p.apply(party.getValue())));
            if (record.file() != null) {
                var file = record.file();
                row(facts, "文件", "File", p.apply(file.name()) + (file.mediaType() == null ? "" : " (" + file.mediaType()
                        + (file.size() == null ? "" : ", " + file.size() + " bytes") + ")"));
                row(facts, "文件 SHA-256", "File SHA-256", file.sha256());
                if (file.sm3() != null) {
                    row(facts, "文件 SM3", "File SM3", file.sm3());
                }
            }
            record.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(a -> row(facts, "", p.apply(a.getKey()), p.apply(a.getValue())));
            row(facts, "登记时间", "Registered", TIME.format(record.registeredAt()));
            row(facts, "记录摘要 (" + certificate.recordAlgorithm().id() + ")", "Record digest (RFC 8785)", certificate.recordDigestHex());
            var proof = certificate.proof();
            row(facts, "默克尔根", "Merkle root", proof.root());
            row(facts, "叶序号 / 批大小", "Leaf / batch size", proof.leafIndex() + " / " + proof.treeSize());
            row(facts, "批次编号", "Batch id", proof.batchId());
            row(facts, "链 / 合约", "Chain / registry", proof.chainId() + " / " + proof.anchorRegistry());
            row(facts, "上链交易", "Anchoring transaction", proof.transactionHash());
            row(facts, "区块 / 区块时间", "Block / block time", proof.blockNumber() + " / " + TIME.format(certificate.anchoredAt()));
            if (certificate.itemTimestampAt() != null) {
                row(facts, "可信时间戳", "Trusted time (RFC 3161)", TIME.format(certificate.itemTimestampAt()));
            }
            document.add(facts);

            var qr = new BarcodeQRCode(certificate.verificationUrl());
            var verification = new Table(UnitValue.createPercentArray(new float[] {22, 78})).useAllAvailableWidth().setMarginTop(14);
            verification.addCell(new Cell().add(new Image(qr.createFormXObject(ColorConstants.BLACK, pdf)).setWidth(96).setHeight(96))
                    .setBorder(SolidBorder.NO_BORDER));
            verification.addCell(new Cell().setBorder(SolidBorder.NO_BORDER).add(new Paragraph("核验 / Verify").setFontSize(11).setFontColor(ACCENT))
                    .add(new Paragraph(certificate.verificationUrl()).setFontSize(8.5f))
                    .add(new Paragraph("扫描二维码或上传本证书至核验页面，即可独立核对签名、时间戳、记录摘要、默克尔证明与链上根。"
                            + "本证书内嵌 record.json、proof.json 与 timestamp.tsr，核验方法见 docs/hashing.md 与 docs/proofs.md。").setFontSize(8))
                    .add(new Paragraph("Scan the code or upload this certificate to the verification page to check the signature, "
                            + "the time-stamp, the record digest, the Merkle proof and the root on chain yourself. The record, "
                            + "its proof and its time-stamp token are embedded in this PDF as record.json, proof.json and timestamp.tsr.")
                            .setFontSize(8)));
            document.add(verification);
        }
        return out.toByteArray();
    }

    private static void row(Table table, String chinese, String english, String value) {
        table.addCell(new Cell().setBackgroundColor(LABEL_BACKGROUND).setBorder(new SolidBorder(ColorConstants.LIGHT_GRAY, 0.5f))
                .setPadding(2.5f).add(new Paragraph(chinese.isEmpty() ? english : chinese + "  " + english).setFontSize(7.5f)));
        table.addCell(new Cell().setBorder(new SolidBorder(ColorConstants.LIGHT_GRAY, 0.5f)).setPadding(2.5f)
                .add(new Paragraph(value == null ? "—" : value).setFontSize(value != null && value.length() > 60 ? 7.5f : 9f)));
    }

    private static void describe(PdfDocumentInfo info, EvidenceCertificate certificate) {
        info.setTitle(certificate.title().chinese() + " / " + certificate.title().english() + " " + certificate.number());
        info.setAuthor(certificate.issuerName());
        info.setSubject(certificate.record().title());
        info.setCreator("Alliance Chain Suite");
    }

    private static void attach(PdfADocument pdf, EvidenceCertificate certificate) {
        embed(pdf, RECORD_FILE, "The attested record (RFC 8785 canonical JSON)", "application/json", certificate.record().canonicalBytes());
        ObjectNode proof = CanonicalJson.MAPPER.valueToTree(certificate.proof());
        proof.put("recordAlgorithm", certificate.recordAlgorithm().id());
        proof.put("anchoredAt", certificate.anchoredAt().toString());
        embed(pdf, PROOF_FILE, "Inclusion proof of the record digest and where its root is anchored", "application/json",
                CanonicalJson.canonicalize(proof));
        if (certificate.itemTimestamp() != null) {
            embed(pdf, TIMESTAMP_FILE, "RFC 3161 time-stamp token over the record digest", "application/timestamp-reply",
                    certificate.itemTimestamp());
        }
    }

    private static void embed(PdfADocument pdf, String name, String description, String mediaType, byte[] content) {
        PdfFileSpec spec = PdfFileSpec.createEmbeddedFileSpec(pdf, content, description, name, new PdfName(mediaType), null,
                PdfName.Data);
        pdf.addAssociatedFile(name, spec);
    }

    /**
     * The text with every character the font has no glyph for written as its code point (e.g. [U+20000]): PDF/A forbids
     * unrenderable glyphs, and a certificate must never be refused for a rare character in a name.
     * The exact text stays in the embedded record.json.
     */
    static String printable(FontProgram font, String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || font.getGlyph(c) != null) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("[U+%04X]", c));
            }
        });
        return out.toString();
    }

    /** The font programs, parsed once per JVM from the fonts bundled with this module (see fonts/install.mjs). */
    static final class CertificateFont {
        private static final String FULL = "/org/alliancechain/evidence/fonts/certificate-font.ttf";
        private static final String COMMON = "/org/alliancechain/evidence/fonts/certificate-font-common.ttf";
        private static volatile FontProgram full;
        private static volatile FontProgram common;

        static synchronized FontProgram full() {
            if (full == null) {
                full = load(FULL);
            }
            return full;
        }

        static synchronized FontProgram common() {
            if (common == null) {
                common = load(COMMON);
            }
            return common;
        }

        private static FontProgram load(String resource) {
            try (InputStream in = CertificateRenderer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the certificate font " + resource + " is missing from the build");
                }
                return FontProgramFactory.createFont(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

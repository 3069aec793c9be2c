package org.alliancechain.evidence.pdf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
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
    private static final String VERIFY_ZH = "扫描二维码或上传本证书至核验页面，即可独立核对签名、时间戳、记录摘要、默克尔证明与链上根。"
            + "本证书内嵌 record.json、proof.json 与 timestamp.tsr，核验方法见 docs/hashing.md 与 docs/proofs.md。";
    private static final String VERIFY_EN = "Scan the code or upload this certificate to the verification page to check the signature, "
            + "the time-stamp, the record digest, the Merkle proof and the root on chain yourself. The record, "
            + "its proof and its time-stamp token are embedded in this PDF as record.json, proof.json and timestamp.tsr.";

    /**
     * Copies of the common-characters font, one per core: iText reads a font program through one
     * synchronised source, so threads sharing a copy wait on each other while subsetting it. The full
     * font, needed only for rare characters, is shared.
     */
    private final java.util.concurrent.BlockingQueue<FontProgram> commonFonts;
    private final FontProgram commonFont;
    private final FontProgram fullFont;
    private final byte[] iccProfile;

    public CertificateRenderer() {
        FastXmlParsers.install();
        this.commonFont = CertificateFont.common();
        this.fullFont = CertificateFont.full();
        int copies = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.commonFonts = new java.util.concurrent.ArrayBlockingQueue<>(copies);
        commonFonts.add(commonFont);
        for (int i = 1; i < copies; i++) {
            commonFonts.add(CertificateFont.commonCopy());
        }
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
        if (certificate.document() != null) {
            return fullFont;
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
        boolean common = fontFor(certificate) == commonFont;
        FontProgram program;
        try {
            program = common ? commonFonts.take() : fullFont;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a font", e);
        }
        try (var pdf = new PdfADocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)), PdfAConformance.PDF_A_3B, intent)) {
            PdfFont cjk = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
            java.util.function.UnaryOperator<String> p = text -> printable(program, text);
            describe(pdf.getDocumentInfo(), certificate);
            attach(pdf, certificate);
            var page = new PageWriter(pdf, cjk);
            page.centred(certificate.title().chinese(), 22, ACCENT, 0);
            page.centred(certificate.title().english(), 13, ACCENT, 4);
            page.centred("证书编号 Certificate No. " + p.apply(certificate.number()), 10, ColorConstants.BLACK, 10);

            if (certificate.document() != null) {
                var document = certificate.document();
                page.paragraph(p.apply(document.heading()), 13, ACCENT, 4);
                page.paragraph(p.apply(new String(document.utf8Text(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')), 9.5f, ColorConstants.BLACK, 4);
                page.paragraph("存证信息  Certification", 13, ACCENT, 12);
                page.paragraph("", 4, ColorConstants.BLACK, 0);
            }
            var record = certificate.record();
            java.util.function.BiConsumer<String, String> row = (label, value) -> page.row(label, 7.5f, value == null ? "—" : value,
                    value != null && value.length() > 60 ? 7.5f : 9f, LABEL_BACKGROUND, 0.31f);
            row.accept("出具机构  Issued by", p.apply(certificate.issuerName() + " (" + record.issuer() + ")"));
            row.accept("事项  Subject", p.apply(record.title()));
            row.accept("类型 / 编号  Kind / reference", p.apply(record.kind() + " / " + record.reference()));
            record.partiesInOrder().forEach(party -> row.accept(p.apply("当事人  Party: " + party.getKey()), p.apply(party.getValue())));
            if (record.file() != null) {
                var file = record.file();
                row.accept("文件  File", p.apply(file.name()) + (file.mediaType() == null ? "" : " (" + p.apply(file.mediaType())
                        + (file.size() == null ? "" : ", " + file.size() + " bytes") + ")"));
                row.accept("文件 SHA-256  File SHA-256", file.sha256());
                if (file.sm3() != null) {
                    row.accept("文件 SM3  File SM3", file.sm3());
                }
            }
            record.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(a -> row.accept(p.apply(a.getKey()), p.apply(a.getValue())));
            row.accept("登记时间  Registered", TIME.format(record.registeredAt()));
            row.accept("记录摘要 (" + certificate.recordAlgorithm().id() + ")  Record digest (RFC 8785)", certificate.recordDigestHex());
            var proof = certificate.proof();
            row.accept("默克尔根  Merkle root", proof.root());
            row.accept("叶序号 / 批大小  Leaf / batch size", proof.leafIndex() + " / " + proof.treeSize());
            row.accept("批次编号  Batch id", proof.batchId());
            row.accept("链 / 合约  Chain / registry", proof.chainId() + " / " + proof.anchorRegistry());
            row.accept("上链交易  Anchoring transaction", proof.transactionHash());
            row.accept("区块 / 区块时间  Block / block time", proof.blockNumber() + " / " + TIME.format(certificate.anchoredAt()));
            if (certificate.itemTimestampAt() != null) {
                row.accept("可信时间戳  Trusted time (RFC 3161)", TIME.format(certificate.itemTimestampAt()));
            }

            var qr = qrCode(certificate.verificationUrl(), pdf);
            page.beside(qr, 96, java.util.List.of(
                    new PageWriter.Paragraph("核验 / Verify", 11, ACCENT),
                    new PageWriter.Paragraph(p.apply(certificate.verificationUrl()), 8.5f, ColorConstants.BLACK),
                    new PageWriter.Paragraph(VERIFY_ZH, 8, ColorConstants.BLACK),
                    new PageWriter.Paragraph(VERIFY_EN, 8, ColorConstants.BLACK)), 14);
        } finally {
            if (common) {
                commonFonts.add(program);
            }
        }
        return out.toByteArray();
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
        if (certificate.document() != null) {
            embed(pdf, certificate.document().fileName(), "The attested document in full (its SHA-256 is the record's file hash)",
                    "text/plain", certificate.document().utf8Text());
        }
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
     * The QR code of the verification link as a vector drawing. ZXing with a fixed mask pattern:
     * every mask gives a valid code, and choosing the "best" one by trying all eight was the single
     * most expensive step of drawing a certificate.
     */
    private static com.itextpdf.kernel.pdf.xobject.PdfFormXObject qrCode(String text, com.itextpdf.kernel.pdf.PdfDocument pdf) {
        try {
            var hints = new java.util.EnumMap<com.google.zxing.EncodeHintType, Object>(com.google.zxing.EncodeHintType.class);
            hints.put(com.google.zxing.EncodeHintType.ERROR_CORRECTION, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M);
            hints.put(com.google.zxing.EncodeHintType.QR_MASK_PATTERN, 2);
            hints.put(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8");
            var matrix = com.google.zxing.qrcode.encoder.Encoder.encode(text, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, hints)
                    .getMatrix();
            int size = matrix.getWidth();
            int quiet = 4; // the white border scanners need, in modules
            var form = new com.itextpdf.kernel.pdf.xobject.PdfFormXObject(new com.itextpdf.kernel.geom.Rectangle(size + 2 * quiet, size + 2 * quiet));
            var canvas = new com.itextpdf.kernel.pdf.canvas.PdfCanvas(form, pdf).setFillColor(ColorConstants.BLACK);
            for (int row = 0; row < size; row++) {
                for (int col = 0; col < size; ) {
                    if (matrix.get(col, row) != 1) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < size && matrix.get(col, row) == 1) {
                        col++;
                    }
                    canvas.rectangle(start + quiet, size + quiet - row - 1, col - start, 1);
                }
            }
            canvas.fill();
            return form;
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalArgumentException("the verification link does not fit in a QR code: " + e.getMessage(), e);
        }
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

        /** Another, independent copy of the common-characters font program. */
        static FontProgram commonCopy() {
            return load(COMMON);
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

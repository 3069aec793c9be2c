package org.alliancechain.evidence.pdf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.evidence.pdf.PdfA3Writer.Rgb;

/**
 * Lays out an evidence certificate as PDF/A-3b: bilingual labels, the facts of the record and of
 * its anchoring, a QR code to the verification page, and the record, its proof and its time-stamp
 * token embedded as associated files ({@code record.json}, {@code proof.json}, {@code timestamp.tsr}).
 * The font (CJK and Latin) is embedded as subsets. Thread-safe; the font programs are parsed once.
 */
public final class CertificateRenderer {

    /** The embedded-file names a verifier looks for. */
    public static final String RECORD_FILE = "record.json";
    public static final String PROOF_FILE = "proof.json";
    public static final String TIMESTAMP_FILE = "timestamp.tsr";
    /** Embedded when the record was time-stamped together with others: its RFC 4998 evidence record (path to the token's root, and the token). */
    public static final String EVIDENCE_RECORD_FILE = "timestamp.ers";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));
    static final Rgb ACCENT = Rgb.of(0x1f, 0x4e, 0x79);
    static final Rgb LABEL_BACKGROUND = Rgb.of(0xee, 0xf3, 0xf8);
    private static final String VERIFY_ZH = "扫描二维码或上传本证书至核验页面，即可独立核对签名、时间戳、记录摘要、默克尔证明与链上根。"
            + "本证书内嵌 record.json、proof.json 与 timestamp.tsr，核验方法见 docs/hashing.md 与 docs/proofs.md。";
    private static final String VERIFY_EN = "Scan the code or upload this certificate to the verification page to check the signature, "
            + "the time-stamp, the record digest, the Merkle proof and the root on chain yourself. The record, "
            + "its proof and its time-stamp token are embedded in this PDF as record.json, proof.json and timestamp.tsr.";

    /** Every label and sentence a certificate prints whatever it certifies: their glyphs are subset once per JVM. */
    static final String FIXED_TEXT = EvidenceCertificate.Title.EVIDENCE.chinese() + EvidenceCertificate.Title.EVIDENCE.english()
            + EvidenceCertificate.Title.AWARD.chinese() + EvidenceCertificate.Title.AWARD.english()
            + "证书编号 Certificate No. 存证信息 Certification 出具机构 Issued by 事项 Subject 类型 / 编号 Kind / reference 当事人 Party: "
            + "文件 File bytes 文件 SHA-256 File SHA-256 文件 SM3 File SM3 登记时间 Registered 记录摘要 Record digest (RFC 8785) "
            + "默克尔根 Merkle root 叶序号 / 批大小 Leaf / batch size 批次编号 Batch id 链 / 合约 Chain / registry 上链交易 Anchoring transaction "
            + "区块 / 区块时间 Block / block time 可信时间戳 Trusted time (RFC 3161) 核验 / Verify —" + VERIFY_ZH + VERIFY_EN
            + "申请人被申请人仲裁员代理人提交证据合同借款裁决书"; // the words ODR certificates print most

    private final PdfA3Writer.SharedFont shared;
    private final PdfA3Writer.Face common;
    private final PdfA3Writer.Face full;

    public CertificateRenderer() {
        this.common = CertificateFont.common();
        this.full = CertificateFont.full();
        this.shared = CertificateFont.shared(FIXED_TEXT);
    }

    /** The common-characters face when it has every character the certificate prints (its subsets are cheaper), else the full font. */
    private PdfA3Writer.Face faceFor(EvidenceCertificate certificate) {
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
            texts.add(certificate.document().heading());
            texts.add(new String(certificate.document().utf8Text(), java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String text : texts) {
            if (!text.codePoints().allMatch(common::has)) {
                return full;
            }
        }
        return common;
    }

    /** The unsigned PDF/A-3b certificate (sign it with {@link PadesSigner}, or use {@link #renderSigned}). */
    public byte[] render(EvidenceCertificate certificate) {
        return draw(certificate).finish();
    }

    /**
     * The certificate signed by the issuer at the level. At B-T (the default) in the same pass: the
     * signature is part of the document's only revision, so nothing is parsed back and re-written to
     * sign it. B-LT and B-LTA add validation data in later revisions ({@link PadesSigner#sign}).
     */
    public byte[] renderSigned(EvidenceCertificate certificate, PadesSigner signer, org.alliancechain.evidence.pki.SigningIdentity identity,
                               PadesSigner.Level level, String reason, String location) {
        if (level != PadesSigner.Level.B_T) {
            return signer.sign(render(certificate), identity, level, reason, location);
        }
        return signer.signInOnePass(draw(certificate), identity, reason, location);
    }

    private PdfA3Writer draw(EvidenceCertificate certificate) {
        var pdf = new PdfA3Writer(shared, faceFor(certificate));
        java.util.function.UnaryOperator<String> p = text -> printable(pdf, text);
        describe(pdf, certificate);
        attach(pdf, certificate);
        var page = new PageWriter(pdf);
        page.centred(certificate.title().chinese(), 22, ACCENT, 0);
        page.centred(certificate.title().english(), 13, ACCENT, 4);
        page.centred("证书编号 Certificate No. " + p.apply(certificate.number()), 10, Rgb.BLACK, 10);

        if (certificate.document() != null) {
            var document = certificate.document();
            page.paragraph(p.apply(document.heading()), 13, ACCENT, 4);
            page.paragraph(p.apply(new String(document.utf8Text(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')), 9.5f, Rgb.BLACK, 4);
            page.paragraph("存证信息  Certification", 13, ACCENT, 12);
            page.paragraph("", 4, Rgb.BLACK, 0);
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
        page.beside(qrCode(certificate.verificationUrl()), 96, java.util.List.of(
                new PageWriter.Paragraph("核验 / Verify", 11, ACCENT),
                new PageWriter.Paragraph(p.apply(certificate.verificationUrl()), 8.5f, Rgb.BLACK),
                new PageWriter.Paragraph(VERIFY_ZH, 8, Rgb.BLACK),
                new PageWriter.Paragraph(VERIFY_EN, 8, Rgb.BLACK)), 14);
        return pdf;
    }

    private static void describe(PdfA3Writer pdf, EvidenceCertificate certificate) {
        pdf.describe(certificate.title().chinese() + " / " + certificate.title().english() + " " + certificate.number(),
                certificate.issuerName(), certificate.record().title());
    }

    private static void attach(PdfA3Writer pdf, EvidenceCertificate certificate) {
        pdf.attach(RECORD_FILE, "The attested record (RFC 8785 canonical JSON)", "application/json", certificate.record().canonicalBytes());
        ObjectNode proof = CanonicalJson.MAPPER.valueToTree(certificate.proof());
        proof.put("recordAlgorithm", certificate.recordAlgorithm().id());
        proof.put("anchoredAt", certificate.anchoredAt().toString());
        pdf.attach(PROOF_FILE, "Inclusion proof of the record digest and where its root is anchored", "application/json",
                CanonicalJson.canonicalize(proof));
        if (certificate.document() != null) {
            pdf.attach(certificate.document().fileName(), "The attested document in full (its SHA-256 is the record's file hash)",
                    "text/plain", certificate.document().utf8Text());
        }
        byte[] stamp = certificate.itemTimestamp();
        if (stamp != null && ArchiveTimeStamps.isEvidenceRecord(stamp)) {
            pdf.attach(EVIDENCE_RECORD_FILE, "RFC 4998 evidence record: the record digest's hash-tree path to the root the token stamps, and the token",
                    "application/octet-stream", stamp);
            pdf.attach(TIMESTAMP_FILE, "RFC 3161 time-stamp token over the root of the records stamped with this one (see timestamp.ers)",
                    "application/timestamp-reply", ArchiveTimeStamps.tokenBytes(stamp));
        } else if (stamp != null) {
            pdf.attach(TIMESTAMP_FILE, "RFC 3161 time-stamp token over the record digest", "application/timestamp-reply", stamp);
        }
    }

    /**
     * The QR code of the verification link as a vector drawing. ZXing with a fixed mask pattern:
     * every mask gives a valid code, and choosing the "best" one by trying all eight was the single
     * most expensive step of drawing a certificate.
     */
    static com.google.zxing.qrcode.encoder.ByteMatrix qrCode(String text) {
        try {
            var hints = new java.util.EnumMap<com.google.zxing.EncodeHintType, Object>(com.google.zxing.EncodeHintType.class);
            hints.put(com.google.zxing.EncodeHintType.ERROR_CORRECTION, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M);
            hints.put(com.google.zxing.EncodeHintType.QR_MASK_PATTERN, 2);
            hints.put(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8");
            return com.google.zxing.qrcode.encoder.Encoder.encode(text, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, hints)
                    .getMatrix();
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalArgumentException("the verification link does not fit in a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * The text with every character the font has no glyph for written as its code point (e.g. [U+20000]): PDF/A forbids
     * unrenderable glyphs, and a certificate must never be refused for a rare character in a name.
     * The exact text stays in the embedded record.json.
     */
    static String printable(PdfA3Writer pdf, String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (pdf.canDraw(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("[U+%04X]", c));
            }
        });
        return out.toString();
    }

    /** The font faces, parsed once per JVM from the fonts bundled with this module (see fonts/install.mjs). */
    static final class CertificateFont {
        private static final String FULL = "/org/alliancechain/evidence/fonts/certificate-font.ttf";
        private static final String COMMON = "/org/alliancechain/evidence/fonts/certificate-font-common.ttf";
        private static PdfA3Writer.Face full;
        private static PdfA3Writer.Face common;
        private static final Map<String, PdfA3Writer.SharedFont> SHARED = new java.util.HashMap<>();

        static synchronized PdfA3Writer.Face full() {
            if (full == null) {
                full = load(FULL);
            }
            return full;
        }

        static synchronized PdfA3Writer.Face common() {
            if (common == null) {
                common = load(COMMON);
            }
            return common;
        }

        /** The common face's subset for a kind of document's fixed text, made once. */
        static synchronized PdfA3Writer.SharedFont shared(String fixedText) {
            return SHARED.computeIfAbsent(fixedText, text -> new PdfA3Writer.SharedFont(common(), text));
        }

        private static PdfA3Writer.Face load(String resource) {
            try (InputStream in = CertificateRenderer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the certificate font " + resource + " is missing from the build");
                }
                return new PdfA3Writer.Face(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

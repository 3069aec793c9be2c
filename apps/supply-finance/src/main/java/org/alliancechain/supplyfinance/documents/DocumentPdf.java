package org.alliancechain.supplyfinance.documents;

import java.util.List;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.pdf.PdfA3Document;
import org.alliancechain.evidence.pki.SigningIdentity;

/**
 * A document as PDF/A-3b (shared-evidence's {@link PdfA3Document}): a QR code to its public check, the
 * bilingual title and number, the facts in labelled sections and tables, the signers' statement, the
 * signature block; its facts embedded as {@value #FACTS_FILE} (associated file, {@code /Data}). Signed
 * PAdES B-T by the first signer in the document's only revision; a second signer (an agreement) signs
 * in a revision of its own, in the field {@value #SECOND_SIGNATURE}.
 */
public final class DocumentPdf {

    /** The embedded facts: the canonical JSON (RFC 8785) whose SHA-256 is the digest in the QR code. */
    public static final String FACTS_FILE = "facts.json";
    /** The signature field of the second signer. */
    public static final String SECOND_SIGNATURE = "CounterpartySignature";

    private static final int ACCENT = 0x1f3a68;
    private static final int INK = 0x000000;
    private static final int GREY = 0x4a4a4a;
    private static final int RULE = 0xb8c2d3;
    private static final float MARGIN = 40;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PdfA3Document.PAGE_WIDTH - MARGIN;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float LABEL_WIDTH = 170;
    private static final float LEADING = 1.4f;

    /** Every label any document prints: subset once per JVM. */
    static final String FIXED_TEXT = "应付账款确认书债权转让通知及签收单保理融资协议兑付清分单 Payable confirmation Transfer notice and receipt "
            + "Financing agreement Settlement statement 编号 No. 日期 Date 签署 Signatures 签署方 Signed by 身份 capacity 数字签名 PAdES "
            + "扫描二维码或访问以下地址查验 Scan the QR code or open the address below to verify 文书事实摘要 Facts digest (SHA-256) "
            + "第页共 Page of 续 continued 0123456789.,:;-/()¥%#（）：；，。、 ";

    private DocumentPdf() {
    }

    /** The document signed by the first signer (B-T, one revision). */
    public static byte[] signed(DocumentSheet sheet, byte[] factsJson, PadesSigner signer, SigningIdentity identity, String organisation) {
        return draw(sheet, factsJson).finishSigned(signer, identity, sheet.kind().english + " " + sheet.number(), organisation);
    }

    /** A signed document signed again, by the counterparty, in a revision of its own (B-T). */
    public static byte[] countersigned(byte[] signed, DocumentSheet sheet, PadesSigner signer, SigningIdentity identity, String organisation) {
        return signer.sign(signed, identity, PadesSigner.Level.B_T, sheet.kind().english + " " + sheet.number(), organisation, SECOND_SIGNATURE);
    }

    /** The unsigned document. */
    static byte[] render(DocumentSheet sheet, byte[] factsJson) {
        return draw(sheet, factsJson).finish();
    }

    private static PdfA3Document draw(DocumentSheet sheet, byte[] factsJson) {
        var pdf = PdfA3Document.create(FIXED_TEXT, sheet.texts());
        pdf.describe(sheet.kind().title() + " " + sheet.number(), sheet.signers().getFirst().organisation(),
                sheet.kind().english + " of receivable certificate " + sheet.number());
        pdf.attach(FACTS_FILE, "The facts this document states, as RFC 8785 JSON (their SHA-256 is the digest in the QR code)",
                "application/json", factsJson, "Data");
        new Drawing(pdf, sheet).draw();
        return pdf;
    }

    private static final class Drawing {
        private final PdfA3Document pdf;
        private final DocumentSheet sheet;
        private float y;
        private int page = 1;

        Drawing(PdfA3Document pdf, DocumentSheet sheet) {
            this.pdf = pdf;
            this.sheet = sheet;
        }

        void draw() {
            heading();
            for (var section : sheet.sections()) {
                section(section);
            }
            statement();
            signatures();
            footer();
        }

        private void heading() {
            float top = PdfA3Document.PAGE_HEIGHT - MARGIN;
            pdf.qrCode(sheet.verificationUrl(), RIGHT - 72, top - 72, 72);
            pdf.text(sheet.kind().chinese, LEFT, top - 22, 20, ACCENT);
            pdf.text(sheet.kind().english, LEFT, top - 40, 12, ACCENT);
            pdf.text("编号 No. " + sheet.number(), LEFT, top - 58, 9.5f, INK);
            pdf.text("日期 Date " + sheet.date(), LEFT, top - 71, 9.5f, INK);
            y = top - 84;
            pdf.fillRect(ACCENT, LEFT, y, WIDTH, 1.2f);
            y -= 8;
        }

        private void need(float height) {
            if (y - height < MARGIN + 40) {
                pdf.newPage();
                page++;
                y = PdfA3Document.PAGE_HEIGHT - MARGIN;
                pdf.text(sheet.kind().chinese + " " + sheet.kind().english + " · " + sheet.number() + " · 续 continued, 第 " + page + " 页 page",
                        LEFT, y - 10, 8.5f, GREY);
                y -= 24;
            }
        }

        private void section(DocumentSheet.Section section) {
            need(40);
            y -= 14;
            pdf.text(section.heading(), LEFT, y, 11, ACCENT);
            y -= 5;
            pdf.fillRect(RULE, LEFT, y, WIDTH, 0.6f);
            y -= 3;
            for (var row : section.rows()) {
                var labels = pdf.wrap(pdf.printable(row.label()), 8.5f, LABEL_WIDTH - 8);
                var values = pdf.wrap(pdf.printable(row.value() == null ? "—" : row.value()), 9, WIDTH - LABEL_WIDTH);
                int lines = Math.max(labels.size(), values.size());
                need(lines * 9 * LEADING + 2);
                float baseline = y;
                for (int i = 0; i < lines; i++) {
                    baseline -= 9 * LEADING;
                    if (i < labels.size()) {
                        pdf.text(labels.get(i), LEFT, baseline, 8.5f, GREY);
                    }
                    if (i < values.size()) {
                        pdf.text(values.get(i), LEFT + LABEL_WIDTH, baseline, 9, INK);
                    }
                }
                y = baseline - 2;
            }
            if (section.table() != null) {
                table(section.table());
            }
        }

        private void table(DocumentSheet.Table table) {
            need(40);
            y -= 4;
            tableHeader(table);
            for (var row : table.rows()) {
                List<List<String>> cells = new java.util.ArrayList<>();
                int lines = 1;
                for (int i = 0; i < row.size(); i++) {
                    var wrapped = pdf.wrap(pdf.printable(row.get(i) == null ? "" : row.get(i)), 8, WIDTH * table.shares()[i] - 6);
                    cells.add(wrapped);
                    lines = Math.max(lines, wrapped.size());
                }
                float height = lines * 8 * LEADING + 4;
                if (y - height < MARGIN + 40) {
                    need(height + 100);
                    tableHeader(table);
                }
                float x = LEFT;
                for (int i = 0; i < cells.size(); i++) {
                    float cell = WIDTH * table.shares()[i];
                    float baseline = y - 1;
                    for (String text : cells.get(i)) {
                        baseline -= 8 * LEADING;
                        float tx = table.numeric()[i] ? x + cell - 3 - pdf.width(text, 8) : x + 3;
                        pdf.text(text, tx, baseline, 8, INK);
                    }
                    x += cell;
                }
                y -= height;
                pdf.fillRect(RULE, LEFT, y, WIDTH, 0.4f);
            }
        }

        private void tableHeader(DocumentSheet.Table table) {
            float height = 16;
            pdf.fillRect(0xe8edf5, LEFT, y - height, WIDTH, height);
            float x = LEFT;
            for (int i = 0; i < table.headers().size(); i++) {
                float cell = WIDTH * table.shares()[i];
                String header = table.headers().get(i);
                float tx = table.numeric()[i] ? x + cell - 3 - pdf.width(header, 7.5f) : x + 3;
                pdf.text(header, tx, y - 11, 7.5f, ACCENT);
                x += cell;
            }
            y -= height;
        }

        private void statement() {
            need(50);
            y -= 10;
            for (String paragraph : sheet.statement()) {
                for (String line : pdf.wrap(pdf.printable(paragraph), 9, WIDTH)) {
                    need(14);
                    y -= 9 * LEADING;
                    pdf.text(line, LEFT, y, 9, INK);
                }
                y -= 4;
            }
        }

        private void signatures() {
            need(30 + 16 * sheet.signers().size());
            y -= 14;
            pdf.text("签署 Signatures", LEFT, y, 11, ACCENT);
            y -= 5;
            pdf.fillRect(RULE, LEFT, y, WIDTH, 0.6f);
            int n = 1;
            for (var signer : sheet.signers()) {
                y -= 9 * LEADING + 2;
                pdf.text(n++ + ". " + signer.capacity(), LEFT, y, 9, GREY);
                pdf.text(pdf.printable(signer.organisation()) + " · 数字签名 PAdES", LEFT + LABEL_WIDTH, y, 9, INK);
            }
        }

        private void footer() {
            need(44);
            y -= 18;
            pdf.text("扫描二维码或访问以下地址查验 Scan the QR code or open the address below to verify", LEFT, y, 7.5f, GREY);
            for (String line : pdf.wrap(sheet.verificationUrl(), 7.5f, WIDTH)) {
                y -= 10;
                pdf.text(line, LEFT, y, 7.5f, GREY);
            }
            y -= 10;
            pdf.text("文书事实摘要 Facts digest (SHA-256) " + sheet.factsDigest(), LEFT, y, 7.5f, GREY);
        }
    }
}

package org.alliancechain.einvoice.documents.pdf;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.documents.UblInvoices;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.alliancechain.evidence.pdf.CapitalAmount;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.pdf.PdfA3Document;
import org.alliancechain.evidence.pki.SigningIdentity;

/**
 * An invoice as a hybrid PDF/A-3b, the form Factur-X uses: the page laid out like a 数电 invoice (title by
 * kind, 发票号码/开票日期, buyer and seller, lines, totals with 价税合计 in figures and in capitals, 备注,
 * 开票人, a QR code to the public check) and its UBL 2.1 XML embedded as the associated file
 * {@value #XML_FILE} ({@code AFRelationship /Alternative}, {@code text/xml}): Invoice for a blue
 * invoice, CreditNote for a red one. Signed PAdES B-T by the seller in the document's only revision
 * (shared-evidence's writer), so the signed file is still PDF/A. Thread-safe.
 */
public final class InvoicePdfs {

    /** The embedded UBL file's name (Factur-X calls its own factur-x.xml). */
    public static final String XML_FILE = "invoice.xml";

    /**
     * What is printed besides the invoice's own data.
     *
     * @param drawer          开票人: who issued it
     * @param verificationUrl the public check of this invoice, encoded in the QR code
     */
    public record Printing(String drawer, String verificationUrl) {
        public Printing {
            Objects.requireNonNull(verificationUrl, "verificationUrl");
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final int FRAME = 0x9a4a2f; // the brown-red of the printed 数电 form
    private static final int RED = 0xc8102e;
    private static final int INK = 0x000000;
    private static final int GREY = 0x555555;
    private static final float MARGIN = 36;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PdfA3Document.PAGE_WIDTH - MARGIN;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float SIDE_LABEL = 18;
    private static final float LEADING = 1.35f;

    private static final String[] HEADERS = {"项目名称", "单位", "数量", "单价", "金额", "税率/征收率", "税额"};
    private static final float[] SHARES = {0.31f, 0.07f, 0.10f, 0.14f, 0.14f, 0.10f, 0.14f};
    private static final boolean[] NUMERIC = {false, false, true, true, true, true, true};

    /** Every label any invoice prints: its glyphs are subset once per JVM. */
    static final String FIXED_TEXT = "电子发票（增值税专用发票）（普通发票）Digital special VAT invoice Digital ordinary VAT invoice 红字 "
            + "发票号码：开票日期：年月日 购买方信息 销售方信息 名称：统一社会信用代码/纳税人识别号：地址：电话：开户行：账号："
            + String.join("", HEADERS) + "合计 ¥价税合计（大写）（小写）备注 开票人：被红冲蓝字数电发票号码：红冲原因：续页第页共"
            + "免税不征增值税普通零税率*** 零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆角分整负数 "
            + "销售方以数字签名（PAdES）签署本发票；内嵌 invoice.xml（UBL 2.1，EN 16931）与票面一致。扫描二维码查验。";

    private InvoicePdfs() {
    }

    /** The UBL the PDF embeds: {@code Invoice} for a blue invoice, {@code CreditNote} for a red one. */
    public static byte[] ubl(InvoiceDocument doc) {
        return doc.isRed() ? UblInvoices.creditNote(doc) : UblInvoices.invoice(doc);
    }

    /** The title printed for a kind of invoice. */
    public static String title(InvoiceKind kind) {
        return kind == InvoiceKind.DIGITAL_SPECIAL ? "电子发票（增值税专用发票）" : "电子发票（普通发票）";
    }

    /** The unsigned PDF/A-3b invoice. */
    public static byte[] render(InvoiceDocument doc, Printing printing) {
        return draw(doc, printing, ubl(doc)).finish();
    }

    /**
     * The invoice signed PAdES B-T by the seller's identity, time-stamped by the signer's TSA.
     *
     * @param location the signature's location entry (the seller organisation's alias)
     */
    public static byte[] renderSigned(InvoiceDocument doc, Printing printing, PadesSigner signer, SigningIdentity seller, String location) {
        return signed(doc, printing, ubl(doc), signer, seller, location);
    }

    /** As {@link #renderSigned}, with the UBL already made (the caller keeps it too). */
    public static byte[] signed(InvoiceDocument doc, Printing printing, byte[] ubl, PadesSigner signer, SigningIdentity seller,
                                String location) {
        return draw(doc, printing, ubl).finishSigned(signer, seller, "电子发票 Invoice " + doc.number().value(), location);
    }

    static PdfA3Document draw(InvoiceDocument doc, Printing printing, byte[] ubl) {
        var pdf = PdfA3Document.create(FIXED_TEXT, variableText(doc, printing));
        String title = title(doc.kind());
        pdf.describe(title + " " + doc.number().value(), doc.seller().name(),
                "价税合计 " + money(doc.computed().totalWithTax()) + " " + doc.currency() + (doc.isRed() ? " 红字" : ""));
        pdf.attach(XML_FILE, doc.isRed() ? "The red-letter invoice as a UBL 2.1 CreditNote (EN 16931)" : "The invoice as a UBL 2.1 Invoice (EN 16931)",
                "text/xml", ubl, "Alternative");
        new Page(pdf, doc, printing).draw();
        return pdf;
    }

    private static List<String> variableText(InvoiceDocument doc, Printing printing) {
        var texts = new ArrayList<String>();
        for (var party : List.of(doc.seller(), doc.buyer())) {
            texts.add(party.name());
            texts.add(party.address());
            texts.add(party.phone());
            texts.add(party.bankName());
            texts.add(party.bankAccount());
        }
        texts.add(doc.note());
        texts.add(printing.drawer());
        if (doc.isRed()) {
            texts.add(doc.redOf().reason().labelZh());
        }
        for (var line : doc.computed().lines()) {
            texts.add(line.name());
            texts.add(line.unit());
        }
        return texts;
    }

    /** Money as the form prints it: two decimals, no grouping. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The drawing of one invoice, top to bottom, over as many pages as its lines need. */
    private static final class Page {
        private final PdfA3Document pdf;
        private final InvoiceDocument doc;
        private final Printing printing;
        private float y;
        private int page = 1;

        Page(PdfA3Document pdf, InvoiceDocument doc, Printing printing) {
            this.pdf = pdf;
            this.doc = doc;
            this.printing = printing;
        }

        void draw() {
            heading();
            parties();
            lines();
            totals();
            remarks();
            footer();
        }

        private void heading() {
            float top = PdfA3Document.PAGE_HEIGHT - MARGIN;
            pdf.qrCode(printing.verificationUrl(), LEFT - 4, top - 70, 70);
            String title = title(doc.kind());
            // Centred between the QR code and the number block, as on the printed form.
            float titleWidth = pdf.width(title, 16);
            float centre = (LEFT + 76 + RIGHT - 150) / 2;
            float titleX = centre - titleWidth / 2;
            pdf.text(title, titleX, top - 24, 16, FRAME);
            pdf.fillRect(FRAME, titleX, top - 29, titleWidth, 0.8f);
            pdf.fillRect(FRAME, titleX, top - 31.5f, titleWidth, 0.8f);
            String english = doc.kind().labelEn();
            pdf.text(english, centre - pdf.width(english, 8) / 2, top - 43, 8, GREY);
            if (doc.isRed()) {
                float w = pdf.width("红字", 14) + 8;
                pdf.strokeRect(RED, 1.2f, titleX - w - 12, top - 30, w, 22);
                pdf.text("红字", titleX - w - 8, top - 24, 14, RED);
            }
            float x = RIGHT - 140;
            pdf.text("发票号码：", x, top - 18, 9, FRAME);
            pdf.text(doc.number().value(), x + pdf.width("发票号码：", 9), top - 18, 9, INK);
            pdf.text("开票日期：", x, top - 32, 9, FRAME);
            pdf.text(DATE.format(doc.issueDate()), x + pdf.width("开票日期：", 9), top - 32, 9, INK);
            y = top - 78;
        }

        private void parties() {
            float half = WIDTH / 2;
            var buyer = partyLines(doc.buyer(), half - SIDE_LABEL - 8);
            var seller = partyLines(doc.seller(), half - SIDE_LABEL - 8);
            float height = Math.max(58, Math.max(buyer.size(), seller.size()) * 9 * LEADING + 10);
            float top = y;
            pdf.strokeRect(FRAME, 0.8f, LEFT, top - height, WIDTH, height);
            pdf.fillRect(FRAME, LEFT + half, top - height, 0.8f, height);
            for (int side = 0; side < 2; side++) {
                float x = LEFT + side * half;
                verticalLabel(side == 0 ? "购买方信息" : "销售方信息", x, top, height);
                float baseline = top - 6;
                for (String[] line : side == 0 ? buyer : seller) {
                    baseline -= 9 * LEADING;
                    if (line[2] == null) {
                        pdf.text(line[0], x + SIDE_LABEL + 5, baseline, 8.5f, FRAME);
                    }
                    pdf.text(line[1], x + SIDE_LABEL + 5 + pdf.width(line[0], 8.5f), baseline, 9, INK);
                }
            }
            y = top - height;
        }

        /** Label, value and (on the lines a long value continues on) a mark that the label is not printed again. */
        private List<String[]> partyLines(InvoiceDocument.Party party, float width) {
            var out = new ArrayList<String[]>();
            add(out, "名称：", party.name(), width);
            add(out, "统一社会信用代码/纳税人识别号：", party.taxId().value(), width);
            if (party.address() != null || party.phone() != null) {
                add(out, "地址：", join(party.address(), party.phone()), width);
            }
            if (party.bankName() != null || party.bankAccount() != null) {
                add(out, "开户行：", join(party.bankName(), party.bankAccount()), width);
            }
            return out;
        }

        private void add(List<String[]> out, String label, String value, float width) {
            var wrapped = pdf.wrap(pdf.printable(value), 9, width - pdf.width(label, 8.5f));
            for (int i = 0; i < wrapped.size(); i++) {
                out.add(new String[] {label, wrapped.get(i), i == 0 ? null : "continued"});
            }
        }

        private void verticalLabel(String label, float x, float top, float height) {
            pdf.fillRect(FRAME, x + SIDE_LABEL, top - height, 0.6f, height);
            float size = 8.5f;
            float step = size * 1.25f;
            float start = top - (height - label.length() * step) / 2 - size;
            for (int i = 0; i < label.length(); i++) {
                String c = label.substring(i, i + 1);
                pdf.text(c, x + (SIDE_LABEL - pdf.width(c, size)) / 2, start - i * step, size, FRAME);
            }
        }

        private void lines() {
            tableHeader();
            for (var line : doc.computed().lines()) {
                String[] cells = cells(line);
                List<List<String>> wrapped = new ArrayList<>();
                int count = 1;
                for (int i = 0; i < cells.length; i++) {
                    var w = pdf.wrap(cells[i], 8, WIDTH * SHARES[i] - 6);
                    wrapped.add(w);
                    count = Math.max(count, w.size());
                }
                float height = count * 8 * LEADING + 4;
                if (y - height < MARGIN + 20) {
                    continuation();
                }
                float x = LEFT;
                for (int i = 0; i < cells.length; i++) {
                    float baseline = y - 2;
                    for (String text : wrapped.get(i)) {
                        baseline -= 8 * LEADING;
                        float cell = WIDTH * SHARES[i];
                        float tx = NUMERIC[i] ? x + cell - 3 - pdf.width(text, 8) : x + 3;
                        pdf.text(text, tx, baseline + 2, 8, INK);
                    }
                    x += WIDTH * SHARES[i];
                }
                y -= height;
            }
        }

        private String[] cells(ComputedLine line) {
            String rate = switch (line.treatment()) {
                case STANDARD -> line.rate().label();
                case EXEMPT, NOT_TAXED, ZERO_RATED -> line.treatment().labelZh();
            };
            String tax = line.treatment() == VatTreatment.EXEMPT || line.treatment() == VatTreatment.NOT_TAXED ? "***" : money(line.tax());
            return new String[] {pdf.printable(line.name()), pdf.printable(line.unit() == null ? "" : line.unit()),
                    line.quantity() == null ? "" : line.quantity().stripTrailingZeros().toPlainString(),
                    line.unitPrice() == null ? "" : plain(line.unitPrice()), money(line.amount()), rate, tax};
        }

        private static String plain(BigDecimal price) {
            BigDecimal p = price.stripTrailingZeros();
            return (p.scale() < 2 ? p.setScale(2) : p).toPlainString();
        }

        private void tableHeader() {
            float height = 16;
            pdf.fillRect(0xf6ece6, LEFT, y - height, WIDTH, height);
            pdf.strokeRect(FRAME, 0.6f, LEFT, y - height, WIDTH, height);
            float x = LEFT;
            for (int i = 0; i < HEADERS.length; i++) {
                float cell = WIDTH * SHARES[i];
                pdf.text(HEADERS[i], x + (cell - pdf.width(HEADERS[i], 8.5f)) / 2, y - 11.5f, 8.5f, FRAME);
                x += cell;
            }
            y -= height + 2;
        }

        /** A new page for the rest of the lines: the number and page, then the table header again. */
        private void continuation() {
            pdf.newPage();
            page++;
            y = PdfA3Document.PAGE_HEIGHT - MARGIN;
            String heading = title(doc.kind()) + "  发票号码：" + doc.number().value() + "  续页 第" + page + "页";
            pdf.text(heading, LEFT, y - 10, 9, FRAME);
            y -= 20;
            tableHeader();
        }

        private void totals() {
            if (y - 50 < MARGIN) {
                continuation();
            }
            var computed = doc.computed();
            pdf.fillRect(FRAME, LEFT, y, WIDTH, 0.6f);
            float row = 16;
            pdf.text("合计", LEFT + (WIDTH * SHARES[0] - pdf.width("合计", 9)) / 2, y - 11.5f, 9, FRAME);
            rightAligned("¥" + money(computed.totalAmount()), 4, y - 11.5f);
            rightAligned("¥" + money(computed.totalTax()), 6, y - 11.5f);
            y -= row;
            float height = 22;
            pdf.strokeRect(FRAME, 0.8f, LEFT, y - height, WIDTH, height);
            String label = "价税合计（大写）";
            pdf.text(label, LEFT + 6, y - 14.5f, 9, FRAME);
            pdf.text(CapitalAmount.of(computed.totalWithTax()), LEFT + 12 + pdf.width(label, 9), y - 14.5f, 10, INK);
            String figures = "¥" + money(computed.totalWithTax());
            float figuresX = RIGHT - 6 - pdf.width(figures, 10);
            pdf.text("（小写）", figuresX - pdf.width("（小写）", 9) - 2, y - 14.5f, 9, FRAME);
            pdf.text(figures, figuresX, y - 14.5f, 10, INK);
            y -= height;
        }

        private void rightAligned(String text, int column, float baseline) {
            float x = LEFT;
            for (int i = 0; i <= column; i++) {
                x += WIDTH * SHARES[i];
            }
            pdf.text(text, x - 3 - pdf.width(text, 9), baseline, 9, INK);
        }

        private void remarks() {
            var text = new StringBuilder();
            if (doc.isRed()) {
                var red = doc.redOf();
                text.append("被红冲蓝字数电发票号码：").append(red.blueNumber().value()).append("  开票日期：")
                        .append(DATE.format(red.blueIssueDate())).append("  红冲原因：").append(red.reason().labelZh());
            }
            if (doc.note() != null && !doc.note().isBlank()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(pdf.printable(doc.note()));
            }
            var wrapped = pdf.wrap(text.toString(), 9, WIDTH - SIDE_LABEL - 12);
            float height = Math.max(46, wrapped.size() * 9 * LEADING + 10);
            if (y - height - 40 < MARGIN) {
                continuation();
            }
            pdf.strokeRect(FRAME, 0.8f, LEFT, y - height, WIDTH, height);
            verticalLabel("备注", LEFT, y, height);
            float baseline = y - 4;
            for (String line : wrapped) {
                baseline -= 9 * LEADING;
                pdf.text(line, LEFT + SIDE_LABEL + 6, baseline, 9, INK);
            }
            y -= height;
        }

        private void footer() {
            y -= 16;
            pdf.text("开票人：", LEFT + 6, y, 9, FRAME);
            pdf.text(pdf.printable(printing.drawer() == null ? "" : printing.drawer()), LEFT + 6 + pdf.width("开票人：", 9), y, 9, INK);
            y -= 16;
            pdf.text("销售方以数字签名（PAdES）签署本发票；内嵌 invoice.xml（UBL 2.1，EN 16931）与票面一致。扫描二维码查验。", LEFT + 6, y, 7.5f, GREY);
            y -= 11;
            for (String line : pdf.wrap(printing.verificationUrl(), 7, WIDTH - 12)) {
                pdf.text(line, LEFT + 6, y, 7, GREY);
                y -= 9;
            }
        }

        private static String join(String a, String b) {
            return a == null ? b : b == null ? a : a + " " + b;
        }
    }
}

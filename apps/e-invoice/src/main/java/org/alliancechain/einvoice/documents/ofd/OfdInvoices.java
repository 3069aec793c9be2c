package org.alliancechain.einvoice.documents.ofd;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.edit.Attachment;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/**
 * The OFD (GB/T 33190) form of an invoice, laid out like the real 数电 invoice (210 x 140 mm): title by kind,
 * number and date, buyer and seller, the line table, totals, note, 红字 marking for a red invoice, a QR code to the
 * verification page, the UBL XML as attachment and the real invoice's CustomTag names. {@link #sealed} adds the
 * seller's GB/T 38540 seal.
 */
public final class OfdInvoices {

    static final double PAGE_WIDTH = 210;
    static final double PAGE_HEIGHT = 140;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private OfdInvoices() {
    }

    /**
     * @param ubl             the invoice's UBL XML, attached as Attachs/original_invoice.xml; null for none
     * @param verificationUrl encoded in the QR code at the top left
     */
    public static byte[] render(InvoiceDocument doc, byte[] ubl, String verificationUrl) {
        Path work = null;
        try {
            work = Files.createTempDirectory("ofd-invoice");
            var out = new ByteArrayOutputStream(32 * 1024);
            var tags = new InvoiceTags();
            try (var ofd = new OFDDoc(out)) {
                var page = new VirtualPage(new PageLayout(PAGE_WIDTH, PAGE_HEIGHT));
                layout(page, tags, doc, qrPng(work, verificationUrl));
                ofd.addVPage(page);
                if (ubl != null) {
                    Path xml = Files.write(work.resolve("original_invoice.xml"), ubl);
                    ofd.addAttachment(new Attachment("original_invoice", xml).setFormat("xml").setUsage("UBL 2.1"));
                }
                ofd.onRenderFinish((maxUnitId, dir, docIndex) -> {
                    try {
                        var docDir = dir.getDocByIndex(docIndex);
                        var document = docDir.getDocument();
                        long pageId = document.getPages().getPageByIndex(0).getID().getId();
                        docDir.obtainTags().putObj("CustomTags.xml", tags.customTags());
                        docDir.obtainTags().putObj("CustomTag.xml", tags.customTag(pageId));
                        document.setCustomTags(new ST_Loc("Tags/CustomTags.xml"));
                    } catch (Exception e) {
                        throw new IllegalStateException("writing the invoice tags failed", e);
                    }
                });
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the OFD invoice failed", e);
        } finally {
            delete(work);
        }
    }

    /** Rendered and sealed with the seller's seal at {@link OfdSealing.Stamp#SELLER_SEAL}. */
    public static byte[] sealed(InvoiceDocument doc, byte[] ubl, String verificationUrl, ElectronicSeal seal, SealSigner signer) {
        return OfdSealing.seal(render(doc, ubl, verificationUrl), seal, signer, OfdSealing.Stamp.SELLER_SEAL);
    }

    private static void layout(VirtualPage page, InvoiceTags tags, InvoiceDocument doc, Path qr) throws IOException {
        var qrImage = new Img(20d, 20d, qr);
        qrImage.setPosition(Position.Absolute).setXY(8d, 4d);
        page.add(qrImage);
        String title = doc.kind() == InvoiceKind.DIGITAL_SPECIAL ? "电子发票（增值税专用发票）" : "电子发票（普通发票）";
        text(page, tags, null, 60, 8, 100, title, 6.0);
        text(page, tags, null, 140, 10, 30, "发票号码：", 3.175);
        text(page, tags, "InvoiceNo", 160, 10, 45, doc.number().value(), 3.175);
        text(page, tags, null, 140, 16, 30, "开票日期：", 3.175);
        text(page, tags, "IssueDate", 160, 16, 45, DATE.format(doc.issueDate()), 3.175);
        if (doc.isRed()) {
            // 红字 marking: the blue invoice it offsets and why, as the bureau's red invoices print it
            text(page, tags, null, 8, 26, 190, "红字发票信息：被红冲蓝字发票号码 " + doc.redOf().blueNumber().value()
                    + "  开票日期 " + DATE.format(doc.redOf().blueIssueDate()) + "  红冲原因 " + doc.redOf().reason().labelZh(), 3.0);
        }
        frame(page, 5, 31, 200, 98);
        party(page, tags, "Buyer", "购买方", 8, doc.buyer());
        party(page, tags, "Seller", "销售方", 108, doc.seller());
        double y = 52;
        String[] headers = {"项目名称", "单位", "数量", "单价", "金额", "税率/征收率", "税额"};
        double[] xs = {8, 62, 78, 98, 122, 150, 175};
        for (int i = 0; i < headers.length; i++) {
            text(page, tags, null, xs[i], y, 26, headers[i], 3.0);
        }
        for (var line : doc.computed().lines()) {
            y += 5;
            text(page, tags, "Item", xs[0], y, 54, line.name(), 3.0);
            text(page, tags, null, xs[1], y, 16, line.unit() == null ? "" : line.unit(), 3.0);
            text(page, tags, "Quantity", xs[2], y, 20, plain(line.quantity()), 3.0);
            text(page, tags, "Price", xs[3], y, 24, plain(line.unitPrice()), 3.0);
            text(page, tags, "Amount", xs[4], y, 28, money(line.netAmount()), 3.0);
            text(page, tags, "TaxScheme", xs[5], y, 25, rate(line), 3.0);
            text(page, tags, "TaxAmount", xs[6], y, 28, money(line.netTax()), 3.0);
        }
        var c = doc.computed();
        text(page, tags, null, 8, 100, 20, "合计", 3.175);
        text(page, tags, "TaxExclusiveTotalAmount", 122, 100, 28, "¥" + money(c.totalAmount()), 3.175);
        text(page, tags, "TaxTotalAmount", 175, 100, 28, "¥" + money(c.totalTax()), 3.175);
        text(page, tags, null, 8, 107, 60, "价税合计（小写）", 3.175);
        text(page, tags, "TaxInclusiveTotalAmount", 122, 107, 50, "¥" + money(c.totalWithTax()), 3.175);
        text(page, tags, null, 8, 114, 12, "备注", 3.175);
        if (doc.note() != null && !doc.note().isBlank()) {
            text(page, tags, "Note", 22, 114, 120, doc.note(), 3.0);
        }
        text(page, tags, null, 8, 131, 100, "开票人：" + doc.seller().name(), 3.0);
    }

    private static void party(VirtualPage page, InvoiceTags tags, String tag, String label, double x, InvoiceDocument.Party party) {
        text(page, tags, null, x, 34, 20, label, 3.175);
        text(page, tags, null, x, 40, 22, "名称：", 3.175);
        text(page, tags, tag + "/" + tag + "Name", x + 22, 40, 72, party.name(), 3.175);
        text(page, tags, null, x, 46, 40, "统一社会信用代码/纳税人识别号：", 2.6);
        text(page, tags, tag + "/" + tag + "TaxID", x + 46, 46, 50, party.taxId().value(), 3.175);
    }

    /** One positioned text; a tagged one reports its page-object IDs to the CustomTag. */
    private static void text(VirtualPage page, InvoiceTags tags, String tag, double x, double y, double width, String text, double size) {
        var p = new Paragraph(text, size);
        p.setPosition(Position.Absolute).setXY(x, y).setWidth(width);
        p.setMargin(0d).setPadding(0d);
        if (tag != null) {
            p.onRenderFinish((loc, contentIds, resIds) -> tags.bind(tag, contentIds));
        }
        page.add(p);
    }

    private static void frame(VirtualPage page, double x, double y, double w, double h) {
        var box = new Div(w, h);
        box.setPosition(Position.Absolute).setXY(x, y);
        box.setBorder(0.25).setBorderColor(150, 80, 40);
        page.add(box);
    }

    private static String rate(ComputedLine line) {
        return line.rate() == null ? "" : line.rate().label();
    }

    /** Red invoices print their negative amounts as they are, e.g. -1000.00. */
    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** The QR code as a PNG (ofdrw has no QR generator); zxing as in shared-service's QrCodes. */
    private static Path qrPng(Path work, String url) throws IOException {
        try {
            var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
            int scale = 4;
            var image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            Path png = work.resolve("qr.png");
            ImageIO.write(image, "png", png.toFile());
            return png;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the verification URL as a QR code", e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}

package org.alliancechain.einvoice.documents.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.documents.RedReason;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.InvoiceNumber;
import org.alliancechain.einvoice.tax.Province;
import org.alliancechain.einvoice.tax.RedLetterLedger;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.pki.SigningIdentity;
import org.alliancechain.evidence.tsa.TimeStampAuthority;

/** Invoices to render, and the development PKI, TSA and signer the suite signs with. */
final class InvoiceSamples {

    static final String CRL_URL = "http://pki.alliance.test/crl/root.crl";
    static final DevPki PKI = DevPki.inMemory(CRL_URL);
    static final TimeStampAuthority TSA = new TimeStampAuthority(PKI.timeStampingIdentity());
    static final PadesSigner SIGNER = new PadesSigner(TSA, PKI::crlFor);
    static final String SELLER_ORG = "acme-trading";
    static final SigningIdentity SELLER_KEY = PKI.documentSigner(SELLER_ORG, SELLER_ORG);
    static final String VERIFY = "https://einvoice.alliance.test/api/public/invoices/verification?number=%s&issueDate=%s&total=%s";

    static final InvoiceDocument.Party SELLER = new InvoiceDocument.Party("北京艾克米贸易有限公司 Acme Trading Co., Ltd.",
            UnifiedSocialCreditCode.withCheckCharacter("91110108MA0000001"), "北京市海淀区中关村大街1号", "010-12345678",
            "中国工商银行北京海淀支行", "0200 0045 0900 1234 567");
    static final InvoiceDocument.Party BUYER = InvoiceDocument.Party.of("北京诺瓦制造有限公司 Nova Manufacturing Co., Ltd.",
            UnifiedSocialCreditCode.withCheckCharacter("91110105MA0000002"));

    private InvoiceSamples() {
    }

    /** 3 × 4197.17 at 13 %: 12591.51 + 1636.90 = 14228.41. */
    static InvoiceDocument blue() {
        return blue(1, List.of(InvoiceLineInput.exclusive("*计算机设备*服务器 Server", "3", "4197.17", "0.13").withItem("1090511030000000000", "台")));
    }

    static InvoiceDocument blue(long sequence, List<InvoiceLineInput> lines) {
        return new InvoiceDocument(InvoiceKind.DIGITAL_SPECIAL, InvoiceNumber.of(2026, Province.BEIJING, 1, sequence), LocalDate.of(2026, 12, 4),
                "CNY", SELLER, BUYER, TaxCalculator.compute(lines).requireOk(), "合同 Contract AC-2026-17", null);
    }

    /** Many lines of every VAT treatment: the table runs over pages. */
    static InvoiceDocument longBlue(int lines) {
        var inputs = new ArrayList<InvoiceLineInput>();
        for (int i = 0; i < lines; i++) {
            inputs.add(switch (i % 4) {
                case 0 -> InvoiceLineInput.exclusive("*计算机设备*服务器配件 " + i + " 号，含安装调试与三年保修服务", "2", "199.99", "0.13");
                case 1 -> InvoiceLineInput.inclusive("*信息技术服务*技术服务费 " + i, "1060.00", "0.06");
                case 2 -> InvoiceLineInput.untaxed("出口货物 " + i, "2.5", "33.333", VatTreatment.EXEMPT, "出口货物免税");
                default -> InvoiceLineInput.untaxed("代收代付款项 " + i, "1", "500", VatTreatment.NOT_TAXED, "不征税项目");
            });
        }
        return blue(2, inputs);
    }

    /** The full red invoice of a blue one. */
    static InvoiceDocument red(InvoiceDocument blue) {
        return new InvoiceDocument(blue.kind(), InvoiceNumber.of(2026, Province.BEIJING, 1, blue.number().sequence() + 100),
                blue.issueDate().plusDays(3), "CNY", blue.seller(), blue.buyer(),
                TaxCalculator.fullRed(blue.computed(), RedLetterLedger.NONE), null,
                new InvoiceDocument.RedReference(blue.number(), blue.issueDate(), RedReason.GOODS_RETURNED));
    }

    static InvoicePdfs.Printing printing(InvoiceDocument doc) {
        return new InvoicePdfs.Printing("issuer.acme 张三", String.format(VERIFY, doc.number().value(), doc.issueDate(),
                doc.computed().totalWithTax().toPlainString()));
    }

    /** What EU DSS trusts here: the development PKI's roots and its CRLs. */
    static org.alliancechain.testsupport.pdf.PdfChecks.Trust trust() {
        return new org.alliancechain.testsupport.pdf.PdfChecks.Trust(java.util.List.of(PKI.rootCertificate(), PKI.tsaRootCertificate()),
                java.util.Map.of(CRL_URL, PKI.crl(), DevPki.tsaCrlUrl(CRL_URL), PKI.tsaCrl()));
    }
}

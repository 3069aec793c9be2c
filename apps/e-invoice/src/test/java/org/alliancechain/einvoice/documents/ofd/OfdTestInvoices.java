package org.alliancechain.einvoice.documents.ofd;

import java.time.LocalDate;
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

/** The real fixture's parties (20240531141733.ofd) with demo lines, blue and fully red. */
final class OfdTestInvoices {

    static final InvoiceDocument.Party SELLER = InvoiceDocument.Party.of("北京互联三六五科技有限公司",
            UnifiedSocialCreditCode.parse("91110108690017781B").orThrow());
    static final InvoiceDocument.Party BUYER = InvoiceDocument.Party.of("海南麒麟云服科技有限公司",
            UnifiedSocialCreditCode.parse("91460300MAA92DJN95").orThrow());

    private OfdTestInvoices() {
    }

    static InvoiceDocument blue(InvoiceKind kind, long sequence) {
        var computed = TaxCalculator.compute(List.of(
                InvoiceLineInput.inclusive("*信息技术服务*技术服务费", "4449.00", "0.06"),
                InvoiceLineInput.exclusive("钢材", "3", "33.335", "0.13").withItem("1080201010000000000", "吨"))).requireOk();
        return new InvoiceDocument(kind, InvoiceNumber.of(2024, Province.BEIJING, 2, sequence), LocalDate.of(2024, 5, 28),
                "CNY", SELLER, BUYER, computed, "收款人:李蓉蓉", null);
    }

    static InvoiceDocument fullRed(InvoiceDocument blue) {
        var red = TaxCalculator.fullRed(blue.computed(), RedLetterLedger.NONE);
        return new InvoiceDocument(blue.kind(), InvoiceNumber.of(2024, Province.BEIJING, 2, blue.number().sequence() + 1),
                blue.issueDate().plusDays(3), "CNY", blue.seller(), blue.buyer(), red, null,
                new InvoiceDocument.RedReference(blue.number(), blue.issueDate(), RedReason.ISSUING_ERROR));
    }
}

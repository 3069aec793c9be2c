package org.alliancechain.einvoice.documents;

import java.time.LocalDate;
import java.util.List;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.InvoiceNumber;
import org.alliancechain.einvoice.tax.Province;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;

/** Test documents: the real fixture's parties and demo lines. */
final class Documents {

    static final InvoiceDocument.Party SELLER = new InvoiceDocument.Party("北京互联三六五科技有限公司",
            UnifiedSocialCreditCode.parse("91110108690017781B").orThrow(), "北京市海淀区", "010-12345678",
            "中国工商银行北京海淀支行", "0200 0045 0900 1234 567");
    static final InvoiceDocument.Party BUYER = InvoiceDocument.Party.of("海南麒麟云服科技有限公司",
            UnifiedSocialCreditCode.parse("91460300MAA92DJN95").orThrow());
    static final LocalDate ISSUED = LocalDate.of(2024, 5, 28);

    private Documents() {
    }

    static InvoiceDocument blue(long sequence, InvoiceLineInput... lines) {
        ComputedInvoice computed = TaxCalculator.compute(List.of(lines)).requireOk();
        return new InvoiceDocument(InvoiceKind.DIGITAL_ORDINARY, InvoiceNumber.of(2024, Province.BEIJING, 2, sequence),
                ISSUED, "CNY", SELLER, BUYER, computed, "收款人:李蓉蓉", null);
    }

    static InvoiceDocument red(InvoiceDocument blue, ComputedInvoice redLines, RedReason reason) {
        return new InvoiceDocument(blue.kind(), InvoiceNumber.of(2024, Province.BEIJING, 2, blue.number().sequence() + 1),
                ISSUED.plusDays(3), "CNY", blue.seller(), blue.buyer(), redLines, null,
                new InvoiceDocument.RedReference(blue.number(), blue.issueDate(), reason));
    }
}

package org.alliancechain.einvoice.documents;

import java.time.LocalDate;
import java.util.Objects;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceNumber;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;

/**
 * Everything a renderer (UBL, PDF, OFD) needs for one issued invoice. A red invoice carries
 * {@link #redOf} and the red lines as {@link org.alliancechain.einvoice.tax.TaxCalculator} returns
 * them (negative amounts); renderers decide how to show the sign (UBL: a CreditNote with positive amounts).
 *
 * @param currency always "CNY" for 数电 invoices; kept as a field so renderers never hard-code it
 * @param note     备注, optional
 * @param redOf    the blue invoice and the reason, for a red invoice; null for a blue one
 */
public record InvoiceDocument(InvoiceKind kind, InvoiceNumber number, LocalDate issueDate, String currency,
                              Party seller, Party buyer, ComputedInvoice computed, String note, RedReference redOf) {

    public InvoiceDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(computed, "computed").requireOk();
        currency = currency == null ? "CNY" : currency;
    }

    /**
     * A party as printed on the invoice (购买方/销售方信息).
     *
     * @param address     地址, optional
     * @param phone       电话, optional
     * @param bankName    开户行, optional
     * @param bankAccount 账号, optional
     */
    public record Party(String name, UnifiedSocialCreditCode taxId, String address, String phone, String bankName,
                        String bankAccount) {

        public Party {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(taxId, "taxId");
        }

        public static Party of(String name, UnifiedSocialCreditCode taxId) {
            return new Party(name, taxId, null, null, null, null);
        }
    }

    /** The blue invoice a red invoice offsets (BR-55 preceding invoice reference) and why. */
    public record RedReference(InvoiceNumber blueNumber, LocalDate blueIssueDate, RedReason reason) {

        public RedReference {
            Objects.requireNonNull(blueNumber, "blueNumber");
            Objects.requireNonNull(blueIssueDate, "blueIssueDate");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public boolean isRed() {
        return redOf != null;
    }
}

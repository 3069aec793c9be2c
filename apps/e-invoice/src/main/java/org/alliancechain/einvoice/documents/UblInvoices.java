package org.alliancechain.einvoice.documents;

import java.math.BigDecimal;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.einvoice.tax.LineKind;
import org.alliancechain.einvoice.tax.VatTreatment;

/**
 * UBL 2.1 per EN 16931 (domain page §7): a blue invoice becomes an {@code Invoice} (380), a red one a
 * {@code CreditNote} (381) with positive amounts referring to the blue invoice (BR-55). A discount
 * pair becomes one line with a line allowance (BG-27). Built from ph-ubl21's JAXB classes, written by
 * {@link UblWriter} (one shared JAXB context; thread-safe). No XSD check on write: that is
 * {@link En16931Validation}'s job and costs ~100× the marshalling.
 */
public final class UblInvoices {

    public static final String CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017";
    /** Payment terms (BT-20) when the issuer states none. */
    public static final String PAYMENT_TERMS = "按合同约定 / As agreed in the contract";

    private UblInvoices() {
    }

    /** A blue invoice as UBL {@code Invoice} bytes (UTF-8). */
    public static byte[] invoice(InvoiceDocument doc) {
        if (doc.isRed()) {
            throw new IllegalArgumentException("invoice " + doc.number() + " is red: render it with creditNote(...)");
        }
        BigDecimal sign = BigDecimal.ONE;
        InvoiceType inv = new InvoiceType();
        inv.setCustomizationID(CUSTOMIZATION_ID);
        inv.setID(doc.number().value());
        inv.setIssueDate(doc.issueDate());
        inv.setInvoiceTypeCode("380");
        addNotes(doc, inv.getNote());
        inv.setDocumentCurrencyCode(doc.currency());
        boolean vatIds = !hasNotTaxed(doc);
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(UblParts.party(doc.seller(), vatIds));
        inv.setAccountingSupplierParty(supplier);
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(UblParts.party(doc.buyer(), vatIds));
        inv.setAccountingCustomerParty(customer);
        PaymentMeansType payment = paymentMeans(doc);
        if (payment != null) {
            inv.addPaymentMeans(payment);
        }
        // BR-CO-25: a positive amount due needs a due date or payment terms; 数电 invoices state neither
        PaymentTermsType terms = new PaymentTermsType();
        terms.addNote(new NoteType(PAYMENT_TERMS));
        inv.addPaymentTerms(terms);
        inv.addTaxTotal(UblParts.taxTotal(doc.computed(), doc.currency(), sign));
        inv.setLegalMonetaryTotal(UblParts.monetaryTotal(doc.computed(), doc.currency(), sign));
        int id = 1;
        for (ComputedLine line : doc.computed().lines()) {
            if (line.kind() == LineKind.DISCOUNT) {
                continue; // folded into the discounted line's allowance
            }
            InvoiceLineType l = new InvoiceLineType();
            l.setID(Integer.toString(id++));
            l.setInvoicedQuantity(quantity(line, sign)).setUnitCode(UnitCodes.code(line.unit()));
            l.setLineExtensionAmount(line.netAmount().multiply(sign)).setCurrencyID(doc.currency());
            UblParts.lineAllowance(line, doc.currency(), sign).forEach(l::addAllowanceCharge);
            l.setItem(UblParts.item(line));
            l.setPrice(UblParts.price(unitPrice(line), doc.currency()));
            inv.addInvoiceLine(l);
        }
        return UblWriter.invoice(inv);
    }

    /** A red invoice as UBL {@code CreditNote} bytes: amounts positive, BillingReference to the blue invoice. */
    public static byte[] creditNote(InvoiceDocument doc) {
        if (!doc.isRed()) {
            throw new IllegalArgumentException("invoice " + doc.number() + " is blue: render it with invoice(...)");
        }
        // red amounts are negative in the tax model; a CreditNote states them positive (BR-27, pitfall §9)
        BigDecimal sign = doc.computed().totalWithTax().signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        CreditNoteType cn = new CreditNoteType();
        cn.setCustomizationID(CUSTOMIZATION_ID);
        cn.setID(doc.number().value());
        cn.setIssueDate(doc.issueDate());
        cn.setCreditNoteTypeCode("381");
        addNotes(doc, cn.getNote());
        cn.setDocumentCurrencyCode(doc.currency());
        BillingReferenceType billing = new BillingReferenceType();
        DocumentReferenceType blue = new DocumentReferenceType();
        blue.setID(doc.redOf().blueNumber().value());
        blue.setIssueDate(doc.redOf().blueIssueDate());
        billing.setInvoiceDocumentReference(blue);
        cn.addBillingReference(billing);
        boolean vatIds = !hasNotTaxed(doc);
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(UblParts.party(doc.seller(), vatIds));
        cn.setAccountingSupplierParty(supplier);
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(UblParts.party(doc.buyer(), vatIds));
        cn.setAccountingCustomerParty(customer);
        cn.addTaxTotal(UblParts.taxTotal(doc.computed(), doc.currency(), sign));
        cn.setLegalMonetaryTotal(UblParts.monetaryTotal(doc.computed(), doc.currency(), sign));
        int id = 1;
        for (ComputedLine line : doc.computed().lines()) {
            if (line.kind() == LineKind.DISCOUNT) {
                continue;
            }
            CreditNoteLineType l = new CreditNoteLineType();
            l.setID(Integer.toString(id++));
            l.setCreditedQuantity(quantity(line, sign)).setUnitCode(UnitCodes.code(line.unit()));
            l.setLineExtensionAmount(line.netAmount().multiply(sign)).setCurrencyID(doc.currency());
            UblParts.lineAllowance(line, doc.currency(), sign).forEach(l::addAllowanceCharge);
            l.setItem(UblParts.item(line));
            l.setPrice(UblParts.price(unitPrice(line), doc.currency()));
            cn.addCreditNoteLine(l);
        }
        return UblWriter.creditNote(cn);
    }

    /** BR-O-02: an invoice with a not-subject-to-VAT line carries no VAT identifiers. */
    private static boolean hasNotTaxed(InvoiceDocument doc) {
        return doc.computed().subtotals().stream().anyMatch(s -> s.treatment() == VatTreatment.NOT_TAXED);
    }

    private static void addNotes(InvoiceDocument doc, java.util.List<NoteType> notes) {
        if (doc.isRed()) {
            var r = doc.redOf().reason();
            notes.add(new NoteType("红冲原因 " + r.code() + " " + r.labelZh() + " / Reason: " + r.labelEn()));
        }
        if (doc.note() != null && !doc.note().isBlank()) {
            notes.add(new NoteType(doc.note()));
        }
    }

    /** BG-16/BG-17: the seller's bank account (开户行及账号) as a credit-transfer payment means (UNCL 4461 code 30). */
    private static PaymentMeansType paymentMeans(InvoiceDocument doc) {
        var seller = doc.seller();
        if (seller.bankAccount() == null || seller.bankAccount().isBlank()) {
            return null;
        }
        PaymentMeansType pm = new PaymentMeansType();
        pm.setPaymentMeansCode("30");
        FinancialAccountType account = new FinancialAccountType();
        account.setID(seller.bankAccount().replace(" ", ""));
        if (seller.bankName() != null && !seller.bankName().isBlank()) {
            account.setName(seller.bankName());
        }
        pm.setPayeeFinancialAccount(account);
        return pm;
    }

    /** Lines entered by amount only are one unit at that amount. */
    private static BigDecimal quantity(ComputedLine line, BigDecimal sign) {
        return line.quantity() == null ? BigDecimal.ONE : line.quantity().multiply(sign);
    }

    private static BigDecimal unitPrice(ComputedLine line) {
        if (line.quantity() == null || line.unitPrice() == null) {
            return line.amount().abs();
        }
        return line.unitPrice().abs();
    }
}

package org.alliancechain.einvoice.documents;

import java.math.BigDecimal;
import java.util.List;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CommodityClassificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.AllowanceChargeReasonType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.ItemClassificationCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NameType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import org.alliancechain.einvoice.tax.CategorySubtotal;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.einvoice.tax.VatTreatment;

/**
 * The pieces Invoice and CreditNote share (parties, VAT breakdown, totals, item, price). Amounts
 * arrive signed (red lines are negative) and are multiplied by {@code sign} so that a CreditNote
 * carries positive amounts (§7).
 */
final class UblParts {

    /** 税收分类编码 is a national list: UNTDID 7143 "ZZZ" (mutually defined) keeps BR-CL-13 satisfied. */
    static final String ITEM_CODE_LIST = "ZZZ";
    static final String DISCOUNT_REASON = "折扣 Discount";

    private UblParts() {
    }

    /**
     * A party; the VAT id {@code CN}+USCC is left out when the invoice has a not-subject-to-VAT line
     * (BR-O-02 forbids seller and buyer VAT ids there); the USCC stays as legal registration id.
     */
    static PartyType party(InvoiceDocument.Party p, boolean withVatId) {
        PartyType party = new PartyType();
        PartyNameType name = new PartyNameType();
        name.setName(p.name());
        party.addPartyName(name);
        AddressType address = new AddressType();
        if (p.address() != null && !p.address().isBlank()) {
            AddressLineType line = new AddressLineType();
            line.setLine(p.address());
            address.addAddressLine(line);
        }
        CountryType country = new CountryType();
        country.setIdentificationCode("CN");
        address.setCountry(country);
        party.setPostalAddress(address);
        if (withVatId) {
            PartyTaxSchemeType taxScheme = new PartyTaxSchemeType();
            taxScheme.setCompanyID("CN" + p.taxId().value());
            taxScheme.setTaxScheme(vat());
            party.addPartyTaxScheme(taxScheme);
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(p.name());
        legal.setCompanyID(p.taxId().value());
        party.addPartyLegalEntity(legal);
        if (p.phone() != null && !p.phone().isBlank()) {
            ContactType contact = new ContactType();
            contact.setTelephone(p.phone());
            party.setContact(contact);
        }
        return party;
    }

    static TaxSchemeType vat() {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID("VAT");
        return scheme;
    }

    /** A VAT category: O carries no rate (BR-O-05); E and O carry the reason (BR-E-10, BR-O-10). */
    static TaxCategoryType category(VatTreatment treatment, BigDecimal percent, String reason) {
        TaxCategoryType c = new TaxCategoryType();
        c.setID(treatment.category());
        if (treatment != VatTreatment.NOT_TAXED) {
            c.setPercent(percent);
        }
        if (reason != null && treatment.requiresReason()) {
            c.addTaxExemptionReason(new TaxExemptionReasonType(reason));
        }
        c.setTaxScheme(vat());
        return c;
    }

    /** BG-22/BG-23: one TaxSubtotal per category and rate with our Σse; no line TaxTotal (UBL-CR-561). */
    static TaxTotalType taxTotal(ComputedInvoice computed, String currency, BigDecimal sign) {
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(computed.totalTax().multiply(sign)).setCurrencyID(currency);
        for (CategorySubtotal s : computed.subtotals()) {
            TaxSubtotalType sub = new TaxSubtotalType();
            sub.setTaxableAmount(s.taxableAmount().multiply(sign)).setCurrencyID(currency);
            sub.setTaxAmount(s.taxAmount().multiply(sign)).setCurrencyID(currency);
            sub.setTaxCategory(category(s.treatment(), s.rate().percent(), s.exemptionReason()));
            total.addTaxSubtotal(sub);
        }
        return total;
    }

    /** BG-22 totals; no document-level allowances, so line total = tax-exclusive total (BR-CO-10/13/15/16). */
    static MonetaryTotalType monetaryTotal(ComputedInvoice computed, String currency, BigDecimal sign) {
        MonetaryTotalType m = new MonetaryTotalType();
        m.setLineExtensionAmount(computed.totalAmount().multiply(sign)).setCurrencyID(currency);
        m.setTaxExclusiveAmount(computed.totalAmount().multiply(sign)).setCurrencyID(currency);
        m.setTaxInclusiveAmount(computed.totalWithTax().multiply(sign)).setCurrencyID(currency);
        m.setPayableAmount(computed.totalWithTax().multiply(sign)).setCurrencyID(currency);
        return m;
    }

    static ItemType item(ComputedLine line) {
        ItemType item = new ItemType();
        item.setName(new NameType(line.name()));
        if (line.itemCode() != null && !line.itemCode().isBlank()) {
            CommodityClassificationType cc = new CommodityClassificationType();
            ItemClassificationCodeType code = new ItemClassificationCodeType(line.itemCode());
            code.setListID(ITEM_CODE_LIST);
            cc.setItemClassificationCode(code);
            item.addCommodityClassification(cc);
        }
        item.addClassifiedTaxCategory(category(line.treatment(), line.rate().percent(), null));
        return item;
    }

    /** Net price, never negative (BR-27): a discount is a line allowance, not a lower or negative price. */
    static PriceType price(BigDecimal unitPrice, String currency) {
        PriceType price = new PriceType();
        price.setPriceAmount(unitPrice).setCurrencyID(currency);
        return price;
    }

    /** BG-27 line allowance for a discounted line's discount (reason text is required by BR-42). */
    static List<AllowanceChargeType> lineAllowance(ComputedLine line, String currency, BigDecimal sign) {
        if (line.discountAmount().signum() == 0) {
            return List.of();
        }
        AllowanceChargeType a = new AllowanceChargeType();
        a.setChargeIndicator(false);
        a.addAllowanceChargeReason(new AllowanceChargeReasonType(DISCOUNT_REASON));
        a.setAmount(line.discountAmount().multiply(sign)).setCurrencyID(currency);
        return List.of(a);
    }
}

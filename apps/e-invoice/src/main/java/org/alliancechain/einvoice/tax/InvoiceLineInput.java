package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;

/**
 * One invoice line as the issuer entered it (before any computation).
 *
 * @param name            goods or service name (货物或应税劳务名称), e.g. "*信息技术服务*技术服务费"
 * @param itemCode        税收分类编码 (19 digits), optional
 * @param unit            unit of measure as printed (件, 次, 千克), optional
 * @param quantity        optional; scale ≤ 13
 * @param unitPrice       optional; on the same tax basis as {@code amount}; scale ≤ 13
 * @param amount          the line amount as entered, exactly 2 decimals; optional when quantity and price are given
 * @param taxInclusive    whether amount/unitPrice include VAT (含税标志 hsbz)
 * @param rate            fraction, e.g. 0.13; null or 0 for exempt, not-taxed and zero-rated lines
 * @param treatment       零税率标识 / VAT category
 * @param exemptionReason required for EXEMPT and NOT_TAXED (BR-E-10, BR-O-10), refused for ZERO_RATED
 * @param kind            normal, discounted (followed by its discount line) or discount (negative amount)
 * @param discountAmount  on a DISCOUNTED line: the magnitude of the discount that follows, as entered; optional
 * @param taxAmount       caller-supplied line tax, accepted within ±0.06 of amount × rate; optional
 */
public record InvoiceLineInput(
        String name,
        String itemCode,
        String unit,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        boolean taxInclusive,
        BigDecimal rate,
        VatTreatment treatment,
        String exemptionReason,
        LineKind kind,
        BigDecimal discountAmount,
        BigDecimal taxAmount) {

    /** A standard-rated, tax-exclusive line from quantity and unit price. */
    public static InvoiceLineInput exclusive(String name, String quantity, String unitPrice, String rate) {
        return new InvoiceLineInput(name, null, null, new BigDecimal(quantity), new BigDecimal(unitPrice), null,
                false, new BigDecimal(rate), VatTreatment.STANDARD, null, LineKind.NORMAL, null, null);
    }

    /** A standard-rated line given only by its tax-inclusive amount. */
    public static InvoiceLineInput inclusive(String name, String amount, String rate) {
        return new InvoiceLineInput(name, null, null, null, null, new BigDecimal(amount), true,
                new BigDecimal(rate), VatTreatment.STANDARD, null, LineKind.NORMAL, null, null);
    }

    /** A line without VAT (exempt, not taxed or zero-rated), tax-exclusive. */
    public static InvoiceLineInput untaxed(String name, String quantity, String unitPrice, VatTreatment treatment,
                                           String reason) {
        return new InvoiceLineInput(name, null, null, new BigDecimal(quantity), new BigDecimal(unitPrice), null,
                false, treatment == VatTreatment.NOT_TAXED ? null : BigDecimal.ZERO, treatment, reason,
                LineKind.NORMAL, null, null);
    }

    /** The discount line that follows {@code discounted}: same rate, treatment and tax basis, negative amount. */
    public static InvoiceLineInput discountOf(InvoiceLineInput discounted, String negativeAmount) {
        return new InvoiceLineInput(discounted.name(), discounted.itemCode(), null, null, null,
                new BigDecimal(negativeAmount), discounted.taxInclusive(), discounted.rate(), discounted.treatment(),
                discounted.exemptionReason(), LineKind.DISCOUNT, null, null);
    }

    public InvoiceLineInput withKind(LineKind newKind) {
        return new InvoiceLineInput(name, itemCode, unit, quantity, unitPrice, amount, taxInclusive, rate, treatment,
                exemptionReason, newKind, discountAmount, taxAmount);
    }

    public InvoiceLineInput withAmount(String newAmount) {
        return new InvoiceLineInput(name, itemCode, unit, quantity, unitPrice, new BigDecimal(newAmount), taxInclusive,
                rate, treatment, exemptionReason, kind, discountAmount, taxAmount);
    }

    public InvoiceLineInput withTaxAmount(String newTax) {
        return new InvoiceLineInput(name, itemCode, unit, quantity, unitPrice, amount, taxInclusive, rate, treatment,
                exemptionReason, kind, discountAmount, new BigDecimal(newTax));
    }

    public InvoiceLineInput withItem(String newItemCode, String newUnit) {
        return new InvoiceLineInput(name, newItemCode, newUnit, quantity, unitPrice, amount, taxInclusive, rate,
                treatment, exemptionReason, kind, discountAmount, taxAmount);
    }
}

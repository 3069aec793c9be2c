package org.alliancechain.einvoice.documents;

import com.helger.ubl21.UBL21Marshaller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.LineKind;
import org.alliancechain.einvoice.tax.Parsed;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.w3c.dom.Document;

/**
 * Reads an uploaded UBL 2.1 {@code Invoice} into what bulk issuance needs: parties by USCC, issue
 * date, currency and tax-exclusive lines for {@link org.alliancechain.einvoice.tax.TaxCalculator}.
 * A line allowance becomes a discounted + discount line pair (the inverse of {@link UblInvoices}).
 * Errors name the UBL element, so an uploader can find it.
 */
public final class UblInvoiceReader {

    private UblInvoiceReader() {
    }

    /** The invoice as read; {@code number} is the uploader's own id (BT-1), not a 数电 number. */
    public record ReadInvoice(String number, UnifiedSocialCreditCode seller, UnifiedSocialCreditCode buyer,
                              LocalDate issueDate, String currency, String note, List<InvoiceLineInput> lines) {
    }

    /** @param element the UBL path, e.g. {@code cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount} */
    public record ReadError(String element, String messageEn, String messageZh) {
    }

    /** Either an invoice or the errors (never both). */
    public record Result(ReadInvoice invoice, List<ReadError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Result read(byte[] xml) {
        List<ReadError> errors = new ArrayList<>();
        InvoiceType inv;
        try {
            Document dom = XmlInput.parse(xml);
            if (!En16931Validation.UBL_INVOICE_NS.equals(dom.getDocumentElement().getNamespaceURI())) {
                return fail("Invoice", "the root element is not a UBL 2.1 Invoice", "根元素不是UBL 2.1 Invoice");
            }
            var m = UBL21Marshaller.invoice(); // per call: reading keeps per-reader error state
            m.setUseSchema(false);
            inv = m.read(dom);
        } catch (Exception e) {
            return fail("Invoice", "not well-formed XML: " + e.getMessage(), "XML格式错误:" + e.getMessage());
        }
        if (inv == null) {
            return fail("Invoice", "the document does not follow the UBL 2.1 Invoice schema", "文档不符合UBL 2.1 Invoice结构");
        }
        UnifiedSocialCreditCode seller = taxId(inv.getAccountingSupplierParty() == null ? null
                : inv.getAccountingSupplierParty().getParty(), "cac:AccountingSupplierParty", errors);
        UnifiedSocialCreditCode buyer = taxId(inv.getAccountingCustomerParty() == null ? null
                : inv.getAccountingCustomerParty().getParty(), "cac:AccountingCustomerParty", errors);
        LocalDate issueDate = inv.getIssueDate() == null ? null : inv.getIssueDateValueLocal();
        if (issueDate == null) {
            errors.add(new ReadError("cbc:IssueDate", "the issue date is missing", "缺少开票日期"));
        }
        String currency = inv.getDocumentCurrencyCodeValue();
        if (currency == null || !currency.equals("CNY")) {
            errors.add(new ReadError("cbc:DocumentCurrencyCode", "the currency must be CNY, got " + currency,
                    "币种应为CNY,实际为" + currency));
        }
        if (!inv.getAllowanceCharge().isEmpty()) {
            errors.add(new ReadError("cac:AllowanceCharge", "document-level allowances and charges are not supported: put them on lines",
                    "不支持整单折扣或费用,请放到明细行"));
        }
        Map<String, String> reasons = exemptionReasons(inv.getTaxTotal());
        List<InvoiceLineInput> lines = new ArrayList<>();
        for (int i = 0; i < inv.getInvoiceLine().size(); i++) {
            readLine(inv.getInvoiceLine().get(i), "cac:InvoiceLine[" + (i + 1) + "]", reasons, lines, errors);
        }
        if (inv.getInvoiceLine().isEmpty()) {
            errors.add(new ReadError("cac:InvoiceLine", "the invoice has no lines", "发票没有明细行"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String note = inv.getNote().isEmpty() ? null : inv.getNote().get(0).getValue();
        return new Result(new ReadInvoice(inv.getIDValue(), seller, buyer, issueDate, currency, note, lines), List.of());
    }

    private static Result fail(String element, String en, String zh) {
        return new Result(null, List.of(new ReadError(element, en, zh)));
    }

    /** The USCC from the VAT id ("CN" + 18) or else the legal registration id (BT-30 / BT-47). */
    private static UnifiedSocialCreditCode taxId(PartyType party, String path, List<ReadError> errors) {
        if (party == null) {
            errors.add(new ReadError(path, "the party is missing", "缺少交易方信息"));
            return null;
        }
        String candidate = null;
        String element = path + "/cac:Party/cac:PartyTaxScheme/cbc:CompanyID";
        if (!party.getPartyTaxScheme().isEmpty() && party.getPartyTaxScheme().get(0).getCompanyIDValue() != null) {
            String vat = party.getPartyTaxScheme().get(0).getCompanyIDValue().strip();
            candidate = vat.startsWith("CN") ? vat.substring(2) : vat;
        } else if (!party.getPartyLegalEntity().isEmpty() && party.getPartyLegalEntity().get(0).getCompanyIDValue() != null) {
            element = path + "/cac:Party/cac:PartyLegalEntity/cbc:CompanyID";
            candidate = party.getPartyLegalEntity().get(0).getCompanyIDValue();
        }
        if (candidate == null) {
            errors.add(new ReadError(path + "/cac:Party", "no tax id: give cac:PartyTaxScheme/cbc:CompanyID (CN + USCC) or cac:PartyLegalEntity/cbc:CompanyID",
                    "缺少税号:请填写CN+统一社会信用代码或法人登记号"));
            return null;
        }
        Parsed<UnifiedSocialCreditCode> parsed = UnifiedSocialCreditCode.parse(candidate);
        if (parsed instanceof Parsed.Error<UnifiedSocialCreditCode> e) {
            errors.add(new ReadError(element, e.error().messageEn(), e.error().messageZh()));
            return null;
        }
        return parsed.orThrow();
    }

    /** EN 16931 keeps the exemption reason per category (BT-120), so lines take it from their category. */
    private static Map<String, String> exemptionReasons(List<TaxTotalType> totals) {
        Map<String, String> reasons = new HashMap<>();
        for (TaxTotalType t : totals) {
            for (TaxSubtotalType s : t.getTaxSubtotal()) {
                TaxCategoryType c = s.getTaxCategory();
                if (c != null && c.getIDValue() != null && !c.getTaxExemptionReason().isEmpty()) {
                    reasons.put(c.getIDValue(), c.getTaxExemptionReason().get(0).getValue());
                } else if (c != null && c.getIDValue() != null && c.getTaxExemptionReasonCodeValue() != null) {
                    reasons.putIfAbsent(c.getIDValue(), c.getTaxExemptionReasonCodeValue());
                }
            }
        }
        return reasons;
    }

    private static void readLine(InvoiceLineType l, String path, Map<String, String> reasons, List<InvoiceLineInput> out,
                                 List<ReadError> errors) {
        int before = errors.size();
        String name = l.getItem() == null || l.getItem().getName() == null ? null : l.getItem().getNameValue();
        if (name == null || name.isBlank()) {
            errors.add(new ReadError(path + "/cac:Item/cbc:Name", "the item name is missing", "缺少项目名称"));
        }
        TaxCategoryType cat = l.getItem() == null || l.getItem().getClassifiedTaxCategory().isEmpty() ? null
                : l.getItem().getClassifiedTaxCategory().get(0);
        VatTreatment treatment = cat == null ? null : VatTreatment.fromCategory(cat.getIDValue()).orElse(null);
        if (treatment == null) {
            errors.add(new ReadError(path + "/cac:Item/cac:ClassifiedTaxCategory/cbc:ID", "VAT category "
                    + (cat == null ? "missing" : cat.getIDValue()) + ": we issue S, E, O and Z", "增值税类别不支持,仅支持S、E、O、Z"));
        }
        BigDecimal amount = l.getLineExtensionAmount() == null ? null : l.getLineExtensionAmountValue();
        if (amount == null || amount.stripTrailingZeros().scale() > 2) {
            errors.add(new ReadError(path + "/cbc:LineExtensionAmount", "the line amount is missing or has more than 2 decimals",
                    "行金额缺失或超过2位小数"));
        }
        BigDecimal price = l.getPrice() == null ? null : l.getPrice().getPriceAmountValue();
        if (price != null && l.getPrice().getBaseQuantity() != null && l.getPrice().getBaseQuantityValue().signum() > 0) {
            price = price.divide(l.getPrice().getBaseQuantityValue(), 13, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        BigDecimal discount = BigDecimal.ZERO;
        for (AllowanceChargeType ac : l.getAllowanceCharge()) {
            if (ac.isChargeIndicatorValue(false)) {
                errors.add(new ReadError(path + "/cac:AllowanceCharge", "line charges are not supported", "不支持明细行附加费用"));
            } else if (ac.getAmount() == null || ac.getAmountValue().stripTrailingZeros().scale() > 2) {
                errors.add(new ReadError(path + "/cac:AllowanceCharge/cbc:Amount", "the allowance amount is missing or has more than 2 decimals",
                        "折扣金额缺失或超过2位小数"));
            } else {
                discount = discount.add(ac.getAmountValue());
            }
        }
        if (errors.size() > before) {
            return;
        }
        BigDecimal quantity = l.getInvoicedQuantity() == null ? null : l.getInvoicedQuantityValue();
        String unit = l.getInvoicedQuantity() == null ? null : UnitCodes.unit(l.getInvoicedQuantity().getUnitCode());
        BigDecimal rate = treatment == VatTreatment.NOT_TAXED || cat.getPercent() == null ? null
                : cat.getPercentValue().movePointLeft(2).stripTrailingZeros();
        if (treatment != VatTreatment.STANDARD && rate != null && rate.signum() == 0) {
            rate = BigDecimal.ZERO;
        }
        String reason = treatment.requiresReason() ? reasons.get(treatment.category()) : null;
        String itemCode = l.getItem().getCommodityClassification().isEmpty() ? null
                : l.getItem().getCommodityClassification().get(0).getItemClassificationCodeValue();
        BigDecimal gross = amount.add(discount).setScale(2, RoundingMode.UNNECESSARY);
        LineKind kind = discount.signum() == 0 ? LineKind.NORMAL : LineKind.DISCOUNTED;
        // Keep the entered amount authoritative: quantity × price may differ from it by the rounding of a price.
        InvoiceLineInput line = new InvoiceLineInput(name, itemCode, unit, quantity, price, gross, false, rate, treatment,
                reason, kind, discount.signum() == 0 ? null : discount, null);
        out.add(line);
        if (kind == LineKind.DISCOUNTED) {
            out.add(InvoiceLineInput.discountOf(line, discount.negate().toPlainString()));
        }
    }
}

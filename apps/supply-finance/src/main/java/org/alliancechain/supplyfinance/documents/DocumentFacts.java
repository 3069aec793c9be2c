package org.alliancechain.supplyfinance.documents;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.evidence.pdf.CapitalAmount;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.supplyfinance.financing.Financing;
import org.alliancechain.supplyfinance.financing.FinancingQuote;
import org.alliancechain.supplyfinance.invoices.InvoiceFact;
import org.alliancechain.supplyfinance.receivables.CertificateInvoice;
import org.alliancechain.supplyfinance.receivables.HistoryEntry;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.alliancechain.supplyfinance.receivables.ReceivablePart;

/**
 * The facts a document states, from the chain fact (the history row) it is made for and the
 * certificate's projection: what is printed, and — the same facts — the record whose digest the QR
 * code carries. Only what the chain recorded (and the certificate's own confirmed terms) is used, so
 * a document made later (after a restart) states the same as one made at once.
 */
@ApplicationScoped
public class DocumentFacts {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);
    private static final String CHAIN = "链上事实 On chain";

    /**
     * A document before its verification address is known.
     *
     * @param signers who signs, in order; the first one also registers the record
     */
    public record Draft(DocumentKind kind, String number, String date, Map<String, String> parties, List<DocumentSheet.Section> sections,
                        List<String> statement, List<DocumentSheet.Signer> signers, Instant at) {

        public String fileName() {
            return kind.chinese + " " + number + ".pdf";
        }

        public String title() {
            return kind.title() + " " + number;
        }

        /** The facts as a record: every section's rows and table rows as attributes (heading / label → value). */
        public EvidenceRecord facts() {
            return record(null, Map.of());
        }

        /** The record registered for the signed file: the facts, the file's digests and the facts' digest. */
        public EvidenceRecord registered(byte[] pdf, String factsDigest) {
            return record(EvidenceRecord.FileFacts.of(fileName(), "application/pdf", pdf), Map.of("文书事实摘要 Facts digest", factsDigest));
        }

        private EvidenceRecord record(EvidenceRecord.FileFacts file, Map<String, String> more) {
            var attributes = new LinkedHashMap<String, String>();
            attributes.put("日期 Date", date);
            for (var section : sections) {
                for (var row : section.rows()) {
                    attributes.put(section.heading() + " / " + row.label(), row.value() == null ? "" : row.value());
                }
                if (section.table() != null) {
                    var table = section.table();
                    attributes.put(section.heading() + " / #", String.join(" | ", table.headers()));
                    for (int i = 0; i < table.rows().size(); i++) {
                        attributes.put(section.heading() + " / " + (i + 1), String.join(" | ", table.rows().get(i)));
                    }
                }
            }
            for (int i = 0; i < statement.size(); i++) {
                attributes.put("声明 Statement / " + (i + 1), statement.get(i));
            }
            attributes.putAll(more);
            return new EvidenceRecord(kind.recordKind(), number, signers.getFirst().organisation(), title(), parties, file, attributes,
                    at.truncatedTo(ChronoUnit.SECONDS));
        }

        public DocumentSheet sheet(String verificationUrl, String factsDigest) {
            return new DocumentSheet(kind, number, date, verificationUrl, factsDigest, sections, statement, signers);
        }
    }

    /** The draft of the document made from this history row; empty when no organisation this service signs for can sign it. */
    public Optional<Draft> of(HistoryEntry fact) {
        ReceivableCertificate c = ReceivableCertificate.findById(fact.certificateId);
        return switch (DocumentKind.ofFact(fact.kind)) {
            case PAYABLE_CONFIRMATION -> Optional.of(confirmation(c, fact));
            case TRANSFER -> transfer(c, fact);
            case FINANCING_AGREEMENT -> financing(c, fact);
            case SETTLEMENT_STATEMENT -> Optional.of(settlement(c, fact));
        };
    }

    private Draft confirmation(ReceivableCertificate c, HistoryEntry fact) {
        var rows = new ArrayList<DocumentSheet.Row>();
        rows.add(row("凭证编号 Certificate number", c.number));
        rows.add(row("核心企业（付款人）Core enterprise (payer)", c.core));
        rows.add(row("供应商（收款人）Supplier (payee)", c.supplier));
        rows.addAll(amountRows("金额 Face amount", c.faceCents));
        rows.addAll(termRows(c));
        rows.add(row("长账期 Long tenor (over six months)", c.longTenor ? "是 yes" : "否 no"));
        if (c.sme) {
            rows.add(row("中小企业供应商 SME supplier · 交货日期 Delivery date", c.deliveryDate == null ? "是 yes" : "是 yes · " + c.deliveryDate));
        }
        rows.add(row("采购订单 Purchase order", c.poNumber));
        rows.add(row("凭证记录摘要 Certificate record digest (SHA-256, kept by ReceivableRegistry)", c.record.digest));
        rows.add(row("ERC-3525 槽位 Slot", c.slot == null ? null : c.slot.toPlainString()));
        rows.add(row("根份额 Root part", String.valueOf(c.rootPartId)));
        var sections = List.of(
                new DocumentSheet.Section("凭证 Certificate", rows, null),
                new DocumentSheet.Section("发票 Invoices", List.of(), invoiceTable(c, null)),
                new DocumentSheet.Section(CHAIN, chainRows(fact, "PayableConfirmed"), null));
        var statement = List.of(
                "核心企业 " + c.core + " 确认：因采购订单 " + c.poNumber + " 项下的交易及上列发票，对供应商 " + c.supplier + " 负有应付账款人民币 "
                        + yuan(c.faceCents) + "（" + capitals(c.faceCents) + "），并承诺于到期日 " + c.maturity + "（付款日 " + c.paymentDate
                        + "）无条件向本凭证各份额的持有人足额兑付。",
                "The core enterprise " + c.core + " confirms that it owes the supplier " + c.supplier + " " + yuan(c.faceCents)
                        + " under purchase order " + c.poNumber + " and the invoices listed, and undertakes to pay the holders of this certificate's "
                        + "parts in full and unconditionally at maturity, " + c.maturity + " (payment date " + c.paymentDate + ").");
        return new Draft(DocumentKind.PAYABLE_CONFIRMATION, c.number + "-C", WHEN.format(fact.at),
                Map.of("core enterprise", c.core, "supplier", c.supplier), sections, statement,
                List.of(new DocumentSheet.Signer(c.core, "核心企业 Core enterprise")), fact.at);
    }

    private Optional<Draft> transfer(ReceivableCertificate c, HistoryEntry accepted) {
        Optional<HistoryEntry> offer = HistoryEntry.find("certificateId = ?1 and partId = ?2 and kind = 'OFFERED' and id < ?3 order by id desc",
                c.id, accepted.partId, accepted.id).firstResultOptional();
        if (offer.isEmpty() || !signable(offer.get().actor)) {
            return Optional.empty();
        }
        var offered = offer.get();
        ReceivablePart part = ReceivablePart.findById(accepted.partId);
        String transferor = offered.actor;
        String transferee = accepted.actor;
        var rows = new ArrayList<DocumentSheet.Row>();
        rows.add(row("凭证编号 Certificate number", c.number));
        rows.add(row("核心企业（付款人）Core enterprise (payer)", c.core));
        rows.add(row("转让方 Transferor", transferor));
        rows.add(row("受让方 Transferee", transferee));
        rows.addAll(amountRows("转让金额 Amount transferred", offered.amountCents));
        rows.add(row("转让份额 Part transferred", String.valueOf(accepted.partId)));
        rows.add(row("来源份额 From part", part == null || part.parentId == null ? null : String.valueOf(part.parentId)));
        rows.add(row("层级 Tier (depth in the split tree)", part == null ? null : "第 " + (part.depth + 1) + " 级 tier " + (part.depth + 1)
                + " (depth " + part.depth + ")"));
        rows.add(row("凭证面额 Certificate face amount", yuan(c.faceCents)));
        rows.addAll(termRows(c));
        var chainRows = new ArrayList<DocumentSheet.Row>();
        chainRows.add(row("转让要约交易 Offer transaction (OfferMade)", offered.txHash));
        chainRows.add(row("要约区块 Offer block · log index", offered.blockNumber + " · " + offered.logIndex));
        chainRows.addAll(chainRows(accepted, "OfferClosed (accepted)"));
        var sections = List.of(
                new DocumentSheet.Section("转让 Transfer", rows, null),
                new DocumentSheet.Section("发票 Invoices behind the certificate", List.of(), invoiceTable(c, null)),
                new DocumentSheet.Section(CHAIN, chainRows, null));
        var statement = List.of(
                "转让方 " + transferor + " 通知：将其持有的应收账款电子凭证 " + c.number + " 项下人民币 " + yuan(offered.amountCents) + "（"
                        + capitals(offered.amountCents) + "）的债权及其全部从权利转让给受让方 " + transferee + "；受让方已在链上签收（区块 "
                        + accepted.blockNumber + "）。核心企业 " + c.core + " 于付款日 " + c.paymentDate + " 向受让方兑付该份额。",
                "The transferor " + transferor + " gives notice that it has assigned " + yuan(offered.amountCents) + " of receivable certificate "
                        + c.number + ", with all rights attached, to the transferee " + transferee + ", who accepted it on chain (block "
                        + accepted.blockNumber + "). The core enterprise " + c.core + " pays this part to its holder on " + c.paymentDate + ".");
        return Optional.of(new Draft(DocumentKind.TRANSFER, c.number + "-T" + accepted.partId, WHEN.format(accepted.at),
                Map.of("transferor", transferor, "transferee", transferee == null ? "" : transferee, "core enterprise", c.core), sections, statement,
                List.of(new DocumentSheet.Signer(transferor, "转让方 Transferor")), accepted.at));
    }

    private Optional<Draft> financing(ReceivableCertificate c, HistoryEntry paid) {
        Optional<Financing> found = Financing.find("certificateId = ?1 and bankPartId = ?2", c.id, paid.partId).firstResultOptional();
        if (found.isEmpty() || found.get().quoteId == null || !signable(found.get().bank) || !signable(found.get().holder)) {
            return Optional.empty();
        }
        var f = found.get();
        var q = FinancingQuote.byQuoteId(f.quoteId).orElse(null);
        if (q == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(q.discountDate, q.paymentDate);
        var rows = new ArrayList<DocumentSheet.Row>();
        rows.add(row("凭证编号 Certificate number", c.number));
        rows.add(row("核心企业（付款人）Core enterprise (payer)", c.core));
        rows.add(row("保理商（银行）Factor (bank)", f.bank));
        rows.add(row("融资申请人（持有人）Holder (seller of the receivable)", f.holder));
        rows.add(row("融资份额 Part financed · 银行份额 Bank's part", f.partId + " · " + f.bankPartId));
        rows.addAll(amountRows("融资金额（票面）Financed face value", f.valueCents));
        rows.add(row("年利率 Annual rate", BigDecimal.valueOf(q.annualRateBp, 2).toPlainString() + " %"));
        rows.add(row("贴现日 Discount date", String.valueOf(q.discountDate)));
        rows.add(row("付款日 Payment date (maturity on a business day)", String.valueOf(q.paymentDate)));
        rows.add(row("计息天数 Days", String.valueOf(days)));
        rows.add(row("利息 Interest", yuan(q.interestCents)));
        rows.add(row("手续费 Fee", yuan(q.feeCents)));
        rows.addAll(amountRows("实付金额 Proceeds paid", q.proceedsCents));
        rows.add(row("追索权 Recourse", q.recourse ? "有追索权 with recourse" : "无追索权 without recourse"));
        rows.add(row("报价摘要 Quote hash (FinancingQuotes)", q.quoteHash == null ? null : "0x" + HexFormat.of().formatHex(q.quoteHash)));
        rows.add(row("付款流水号 Payment reference", f.paymentReference));
        rows.add(row("中登网登记编号 CRC registration", f.crcRegistration));
        var sections = List.of(
                new DocumentSheet.Section("融资条款 Terms", rows, null),
                new DocumentSheet.Section("质押发票 Pledged invoices", List.of(), invoiceTable(c, pledges(f))),
                new DocumentSheet.Section(CHAIN, chainRows(paid, "FinancingPaid"), null));
        var statement = List.of(
                "保理商 " + f.bank + " 与持有人 " + f.holder + " 约定：持有人将凭证 " + c.number + " 项下人民币 " + yuan(f.valueCents) + "（"
                        + capitals(f.valueCents) + "）的应收账款转让给保理商，上列发票相应质押；保理商按上述条款已支付实付金额 " + yuan(q.proceedsCents)
                        + "，到期由核心企业 " + c.core + " 向保理商兑付" + (q.recourse ? "；核心企业未付时保理商可向持有人追索。" : "；保理商不向持有人追索。"),
                "The factor " + f.bank + " and the holder " + f.holder + " agree that the holder assigns " + yuan(f.valueCents)
                        + " of certificate " + c.number + " to the factor, the invoices listed being pledged for it; the factor has paid the proceeds of "
                        + yuan(q.proceedsCents) + " on the terms above, and the core enterprise " + c.core + " pays the factor at maturity"
                        + (q.recourse ? "; if it does not, the factor has recourse against the holder." : "; the factor has no recourse against the holder."));
        return Optional.of(new Draft(DocumentKind.FINANCING_AGREEMENT, c.number + "-F" + f.id, WHEN.format(paid.at),
                Map.of("factor", f.bank, "holder", f.holder, "core enterprise", c.core), sections, statement,
                List.of(new DocumentSheet.Signer(f.bank, "保理商（银行）Factor (bank)"), new DocumentSheet.Signer(f.holder, "持有人 Holder")), paid.at));
    }

    private Draft settlement(ReceivableCertificate c, HistoryEntry settled) {
        List<HistoryEntry> parts = HistoryEntry.list("certificateId = ?1 and kind = 'PART_SETTLED' and id < ?2 order by id", c.id, settled.id);
        long total = parts.stream().mapToLong(p -> p.amountCents == null ? 0 : p.amountCents).sum();
        var rows = new ArrayList<DocumentSheet.Row>();
        rows.add(row("凭证编号 Certificate number", c.number));
        rows.add(row("核心企业（付款人）Core enterprise (payer)", c.core));
        rows.add(row("凭证面额 Face amount", yuan(c.faceCents)));
        rows.addAll(amountRows("兑付合计 Paid in total", total));
        rows.add(row("兑付份额数 Parts paid", String.valueOf(parts.size())));
        rows.addAll(termRows(c));
        var table = new DocumentSheet.Table(List.of("份额 Part", "持有人 Holder", "兑付金额 Amount", "区块 Block", "交易哈希 Transaction"),
                new float[] {0.10f, 0.20f, 0.16f, 0.10f, 0.44f}, new boolean[] {true, false, true, true, false},
                parts.stream().map(p -> List.of(String.valueOf(p.partId), p.actor == null ? "—" : p.actor,
                        yuan(p.amountCents == null ? 0 : p.amountCents), String.valueOf(p.blockNumber), p.txHash)).toList());
        var sections = List.of(
                new DocumentSheet.Section("兑付 Settlement", rows, null),
                new DocumentSheet.Section("清分明细 Paid to each holder", List.of(), table),
                new DocumentSheet.Section(CHAIN, chainRows(settled, "CertificateSettled"), null));
        var statement = List.of(
                "核心企业 " + c.core + " 确认：凭证 " + c.number + " 已于链上兑付完毕，向上列各份额持有人合计支付人民币 " + yuan(total) + "（"
                        + capitals(total) + "），本凭证项下付款义务已清偿。",
                "The core enterprise " + c.core + " confirms that certificate " + c.number + " is settled on chain: " + yuan(total)
                        + " was paid to the holders of the parts listed, discharging its payment undertaking.");
        var parties = new LinkedHashMap<String, String>();
        parties.put("core enterprise", c.core);
        parts.stream().filter(p -> p.actor != null).forEach(p -> parties.putIfAbsent("holder of part " + p.partId, p.actor));
        return new Draft(DocumentKind.SETTLEMENT_STATEMENT, c.number + "-S", WHEN.format(settled.at), parties, sections, statement,
                List.of(new DocumentSheet.Signer(c.core, "核心企业 Core enterprise")), settled.at);
    }

    /** The certificate's dates, as every document prints them. */
    private static List<DocumentSheet.Row> termRows(ReceivableCertificate c) {
        return List.of(row("到期日 Maturity", String.valueOf(c.maturity)),
                row("付款日 Payment date (next business day)", String.valueOf(c.paymentDate)));
    }

    private static List<DocumentSheet.Row> amountRows(String label, long cents) {
        return List.of(row(label, yuan(cents)), row("大写 In words", capitals(cents)));
    }

    private static List<DocumentSheet.Row> chainRows(HistoryEntry fact, String event) {
        return List.of(row("事件 Event", event + " (ReceivableRegistry)"), row("交易哈希 Transaction hash", fact.txHash),
                row("区块 Block · 日志序号 Log index", fact.blockNumber + " · " + fact.logIndex));
    }

    /** The certificate's invoices: number, the registry's id for it, issue date, total; with the pledged amount when given. */
    private static DocumentSheet.Table invoiceTable(ReceivableCertificate c, Map<String, Long> pledged) {
        var rows = new ArrayList<List<String>>();
        for (CertificateInvoice invoice : c.invoices()) {
            String id = "0x" + HexFormat.of().formatHex(invoice.invoiceId);
            if (pledged != null && !pledged.containsKey(id)) {
                continue;
            }
            var fact = InvoiceFact.byId(invoice.invoiceId);
            var row = new ArrayList<String>(List.of(invoice.number, id, fact.map(f -> String.valueOf(f.issueDate)).orElse("—"),
                    fact.map(f -> yuan(f.totalCents)).orElse("—")));
            if (pledged != null) {
                row.add(yuan(pledged.get(id)));
            }
            rows.add(row);
        }
        if (pledged == null) {
            return new DocumentSheet.Table(List.of("发票号码 Invoice number", "链上发票标识 Invoice id (InvoiceRegistry)", "开票日期 Issued", "价税合计 Total"),
                    new float[] {0.21f, 0.49f, 0.13f, 0.17f}, new boolean[] {false, false, false, true}, rows);
        }
        return new DocumentSheet.Table(List.of("发票号码 Invoice number", "链上发票标识 Invoice id", "开票日期 Issued", "价税合计 Total", "质押金额 Pledged"),
                new float[] {0.19f, 0.41f, 0.11f, 0.145f, 0.145f}, new boolean[] {false, false, false, true, true}, rows);
    }

    /** The accepted quote's pledges, invoice id → cents (FinancingLedger keeps them as "0x&lt;id&gt; &lt;cents&gt;" lines). */
    private static Map<String, Long> pledges(Financing f) {
        var pledged = new LinkedHashMap<String, Long>();
        if (f.pledged != null) {
            for (String line : f.pledged.split("\n")) {
                String[] fields = line.strip().split(" ");
                pledged.merge(fields[0], Long.parseLong(fields[1]), Long::sum);
            }
        }
        return pledged;
    }

    /** Whether the organisation is one whose documents this service may sign (an alias, not a bare account). */
    private boolean signable(String organisation) {
        return organisation != null && organisation.matches("[a-z0-9][a-z0-9-]{0,99}");
    }

    static DocumentSheet.Row row(String label, String value) {
        return new DocumentSheet.Row(label, value);
    }

    static String yuan(long cents) {
        return "¥" + BigDecimal.valueOf(cents, 2).toPlainString();
    }

    static String capitals(long cents) {
        return CapitalAmount.of(BigDecimal.valueOf(cents, 2));
    }
}

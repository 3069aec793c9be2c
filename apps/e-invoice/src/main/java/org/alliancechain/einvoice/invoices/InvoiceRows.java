package org.alliancechain.einvoice.invoices;

import java.util.List;
import org.alliancechain.service.persistence.RowsInsert;
import org.hibernate.Session;

/**
 * Inserts newly issued blue invoices in one statement ({@link RowsInsert}), in the caller's transaction
 * and on its connection: Hibernate's insert of a thousand entities at commit was a sixth of a bulk
 * issuance request's CPU. Ids come from {@code einv_invoice_id_seq} as Hibernate's pooled-lo optimizer
 * takes them (the sequence increments by {@value #BLOCK}, V3030), so rows inserted here and rows Hibernate
 * persists (red invoices) never share an id. The optimizer is set explicitly in application.properties.
 */
final class InvoiceRows {

    /** The sequence's increment and {@link Invoice}'s allocation size. */
    static final int BLOCK = 100;

    private static final RowsInsert<Invoice> INSERT = RowsInsert.<Invoice>into("einv_invoice")
            .ids("id", "einv_invoice_id_seq", BLOCK, (invoice, id) -> invoice.id = id)
            .enumName("kind", i -> i.kind)
            .text("number", i -> i.number)
            .bytes("chain_invoice_id", i -> i.chainInvoiceId)
            .date("issue_date", i -> i.issueDate)
            .text("seller", i -> i.seller)
            .text("seller_tax_id", i -> i.sellerTaxId)
            .text("seller_name", i -> i.sellerName)
            .text("buyer", i -> i.buyer)
            .text("buyer_tax_id", i -> i.buyerTaxId)
            .text("buyer_name", i -> i.buyerName)
            .text("currency", i -> i.currency)
            .numeric("total_excl_tax", i -> i.totalExclTax)
            .numeric("total_tax", i -> i.totalTax)
            .numeric("total", i -> i.total)
            .numeric("remaining", i -> i.remaining)
            .utf8("lines", i -> i.lines)
            .text("note", i -> i.note)
            .utf8("record_json", i -> i.record.json)
            .text("record_digest", i -> i.record.digest)
            .bytes("timestamp_token", i -> i.record.timestampToken)
            .bigint("notarisation_item_id", i -> i.record.notarisationItemId)
            .bigint("chain_tx_id", i -> i.chainTxId)
            .text("issued_by", i -> i.issuedBy)
            .timestamp("issued_at", i -> i.issuedAt);

    private InvoiceRows() {
    }

    /** Assigns the invoices' ids and inserts them; they are not managed by the session afterwards. */
    static void insertAll(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        Invoice.getEntityManager().unwrap(Session.class).doWork(connection -> INSERT.insert(connection, invoices));
    }
}

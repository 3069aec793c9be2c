package org.alliancechain.einvoice.invoices;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Inserts newly issued blue invoices in one statement ({@code insert … select from unnest(…)}), in
 * the caller's transaction and on its connection. Hibernate's insert of a thousand entities at
 * commit — decomposing each entity into JDBC values, a batch of a hundred statements at a time — was
 * a sixth of a bulk issuance request's CPU; here every column travels as one array.
 *
 * <p>Ids come from the table's sequence exactly as Hibernate's pooled-lo optimizer takes them
 * (each {@code nextval} opens a block of {@value #BLOCK} ids starting at the value; the sequence
 * increments by {@value #BLOCK}, V3030), so rows inserted here and rows Hibernate persists (red
 * invoices) never share an id. The optimizer is set explicitly in application.properties.
 */
final class InvoiceRows {

    /** The sequence's increment and {@link Invoice}'s allocation size. */
    static final int BLOCK = 100;

    private InvoiceRows() {
    }

    /** Assigns the invoices' ids and inserts them; they are not managed by the session afterwards. */
    static void insertAll(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        Invoice.getEntityManager().unwrap(Session.class).doWork(connection -> {
            assignIds(connection, invoices);
            insert(connection, invoices);
        });
    }

    private static void assignIds(Connection connection, List<Invoice> invoices) throws SQLException {
        int blocks = (invoices.size() + BLOCK - 1) / BLOCK;
        try (var s = connection.prepareStatement("select nextval('einv_invoice_id_seq') from generate_series(1, ?)")) {
            s.setInt(1, blocks);
            try (var rs = s.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    long low = rs.getLong(1);
                    for (int k = 0; k < BLOCK && i < invoices.size(); k++, i++) {
                        invoices.get(i).id = low + k;
                    }
                }
                if (i != invoices.size()) {
                    throw new SQLException("the sequence gave ids for " + i + " of " + invoices.size() + " invoices");
                }
            }
        }
    }

    private static void insert(Connection c, List<Invoice> invoices) throws SQLException {
        try (var s = c.prepareStatement("""
                insert into einv_invoice (id, kind, number, chain_invoice_id, issue_date, seller, seller_tax_id, seller_name,
                                          buyer, buyer_tax_id, buyer_name, currency, total_excl_tax, total_tax, total, remaining,
                                          lines, note, record_json, record_digest, timestamp_token, notarisation_item_id,
                                          chain_tx_id, issued_by, issued_at)
                select x.id, x.kind, x.number, x.chain_id, x.issue_date, x.seller, x.seller_tax_id, x.seller_name,
                       x.buyer, x.buyer_tax_id, x.buyer_name, x.currency, x.excl, x.tax, x.total, x.remaining,
                       convert_from(x.lines, 'UTF8'), x.note, convert_from(x.record, 'UTF8'), x.digest, x.token, x.item,
                       x.tx, x.issued_by, x.issued_at
                  from unnest(?::bigint[], ?::text[], ?::text[], ?::bytea[], ?::date[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
                              ?::bytea[], ?::text[], ?::bytea[], ?::text[], ?::bytea[], ?::bigint[],
                              ?::bigint[], ?::text[], ?::timestamptz[])
                       as x(id, kind, number, chain_id, issue_date, seller, seller_tax_id, seller_name,
                            buyer, buyer_tax_id, buyer_name, currency, excl, tax, total, remaining,
                            lines, note, record, digest, token, item, tx, issued_by, issued_at)""")) {
            int p = 1;
            s.setArray(p++, c.createArrayOf("bigint", column(invoices, i -> i.id)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.kind.name())));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.number)));
            s.setArray(p++, c.createArrayOf("bytea", bytes(invoices, i -> i.chainInvoiceId)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.issueDate.toString())));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.seller)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.sellerTaxId)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.sellerName)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.buyer)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.buyerTaxId)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.buyerName)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.currency)));
            s.setArray(p++, c.createArrayOf("numeric", column(invoices, i -> i.totalExclTax)));
            s.setArray(p++, c.createArrayOf("numeric", column(invoices, i -> i.totalTax)));
            s.setArray(p++, c.createArrayOf("numeric", column(invoices, i -> i.total)));
            s.setArray(p++, c.createArrayOf("numeric", column(invoices, i -> i.remaining)));
            // JSON as UTF-8 bytes: a bytea array travels in binary, a text array's elements are quoted and escaped.
            s.setArray(p++, c.createArrayOf("bytea", bytes(invoices, i -> i.lines.getBytes(StandardCharsets.UTF_8))));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.note)));
            s.setArray(p++, c.createArrayOf("bytea", bytes(invoices, i -> i.record.json.getBytes(StandardCharsets.UTF_8))));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.record.digest)));
            s.setArray(p++, c.createArrayOf("bytea", bytes(invoices, i -> i.record.timestampToken)));
            s.setArray(p++, c.createArrayOf("bigint", column(invoices, i -> i.record.notarisationItemId)));
            s.setArray(p++, c.createArrayOf("bigint", column(invoices, i -> i.chainTxId)));
            s.setArray(p++, c.createArrayOf("text", column(invoices, i -> i.issuedBy)));
            s.setArray(p, c.createArrayOf("timestamptz", column(invoices, i -> Timestamp.from(i.issuedAt))));
            int inserted = s.executeUpdate();
            if (inserted != invoices.size()) {
                throw new SQLException("inserted " + inserted + " of " + invoices.size() + " invoices");
            }
        }
    }

    private static Object[] column(List<Invoice> invoices, Function<Invoice, Object> value) {
        var values = new Object[invoices.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(invoices.get(i));
        }
        return values;
    }

    private static byte[][] bytes(List<Invoice> invoices, Function<Invoice, byte[]> value) {
        var values = new byte[invoices.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(invoices.get(i));
        }
        return values;
    }
}

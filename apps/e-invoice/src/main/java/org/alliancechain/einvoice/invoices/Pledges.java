package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.alliancechain.einvoice.tax.Cents;
import org.hibernate.Session;

/**
 * Pledges of invoices to financings and the financier's consent to red-letter them, as
 * InvoiceRegistry records them when a financing registry (supply-finance) pledges, consents
 * ({@code consentToRed}, the bank's {@code ReceivableRegistry.consentToRedLetter}) and releases: a
 * pledged invoice is shown as such to its parties, cannot be booked, reimbursed or pledged again, and
 * is red-lettered only within what the financier consented to and the chain has not yet seen
 * red-lettered (each red invoice of a pledged invoice uses that much of the consent; a release ends an
 * unused consent). Who financed it is not projected: the e-invoice ledger's users learn only that it
 * is pledged and how much of it may be offset.
 * <p>
 * One stream in chain order, because the events depend on each other (a red-letter uses the consent
 * given before it, a release ends it); applied per chunk with one read and two set-based writes.
 */
@ApplicationScoped
public class Pledges implements ChainEventHandler {

    private final InvoiceChain invoices;

    Pledges(InvoiceChain invoices) {
        this.invoices = invoices;
    }

    @Override
    public String stream() {
        return "einvoice-pledges";
    }

    @Override
    public String contract() {
        return invoices.registry();
    }

    @Override
    public String event() {
        return events().getFirst();
    }

    @Override
    public List<String> events() {
        return List.of(
                "InvoicePledged(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents)",
                "InvoiceRedConsented(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents, uint256 redAllowanceCents)",
                "InvoiceRedLettered(bytes32 indexed blueId, bytes32 indexed redId, bytes32 redRecordDigest, uint256 redCents, uint256 remainingCents)",
                "InvoiceReleased(bytes32 indexed invoiceId, bytes32 indexed financingId)");
    }

    @Override
    public boolean handlesInBulk() {
        return true;
    }

    @Override
    public void handle(ChainEvent event) {
        handleAll(List.of(event));
    }

    /** An invoice's pledge as this chunk moves it. */
    private static final class PledgeState {
        boolean pledged;
        BigDecimal consented;
        BigDecimal left;
        boolean changed;

        PledgeState(boolean pledged, BigDecimal consented, BigDecimal left) {
            this.pledged = pledged;
            this.consented = consented;
            this.left = left;
        }
    }

    @Override
    public void handleAll(List<ChainEvent> events) {
        var named = new ArrayList<byte[]>();
        for (var event : events) {
            named.add(event.bytes(event.event().equals("InvoiceRedLettered") ? "blueId" : "invoiceId"));
        }
        Invoice.getEntityManager().unwrap(Session.class).doWork(connection -> {
            var states = new LinkedHashMap<ByteBuffer, PledgeState>();
            try (var read = connection.prepareStatement(
                    "select chain_invoice_id, pledged, red_consented, red_consent_left from einv_invoice where chain_invoice_id = any(?)")) {
                read.setArray(1, connection.createArrayOf("bytea", named.toArray(byte[][]::new)));
                try (var rows = read.executeQuery()) {
                    while (rows.next()) {
                        states.put(ByteBuffer.wrap(rows.getBytes(1)), new PledgeState(rows.getBoolean(2), rows.getBigDecimal(3), rows.getBigDecimal(4)));
                    }
                }
            }
            var redsRecorded = new ArrayList<byte[]>();
            for (int k = 0; k < events.size(); k++) {
                var event = events.get(k);
                if (event.event().equals("InvoiceRedLettered")) {
                    redsRecorded.add(event.bytes("redId"));
                }
                var state = states.get(ByteBuffer.wrap(named.get(k)));
                if (state != null) { // an invoice this service issued
                    apply(state, event);
                }
            }
            write(connection, states);
            if (!redsRecorded.isEmpty()) {
                try (var used = connection.prepareStatement(
                        "update einv_invoice set consent_use = null where chain_invoice_id = any(?) and consent_use is not null")) {
                    used.setArray(1, connection.createArrayOf("bytea", redsRecorded.toArray(byte[][]::new)));
                    used.executeUpdate();
                }
            }
        });
    }

    /** InvoiceRegistry's own bookkeeping of the pledge's red allowance, step by step. */
    private static void apply(PledgeState s, ChainEvent event) {
        switch (event.event()) {
            case "InvoicePledged" -> {
                if (!s.pledged) { // a new pledge starts without consent; a top-up keeps it
                    s.consented = BigDecimal.ZERO.setScale(2);
                    s.left = BigDecimal.ZERO.setScale(2);
                }
                s.pledged = true;
            }
            case "InvoiceRedConsented" -> {
                s.consented = s.consented.add(Cents.toAmount(event.number("amountCents")));
                s.left = Cents.toAmount(event.number("redAllowanceCents"));
            }
            case "InvoiceRedLettered" -> {
                if (!s.pledged) {
                    return;
                }
                s.left = s.left.subtract(Cents.toAmount(event.number("redCents"))).max(BigDecimal.ZERO.setScale(2));
            }
            case "InvoiceReleased" -> {
                s.pledged = false;
                s.consented = BigDecimal.ZERO.setScale(2);
                s.left = BigDecimal.ZERO.setScale(2);
            }
            default -> throw new IllegalStateException("Pledges does not follow " + event.event());
        }
        s.changed = true;
    }

    private static void write(java.sql.Connection connection, Map<ByteBuffer, PledgeState> states) throws java.sql.SQLException {
        var ids = new ArrayList<byte[]>();
        var pledged = new ArrayList<Boolean>();
        var consented = new ArrayList<BigDecimal>();
        var left = new ArrayList<BigDecimal>();
        states.forEach((id, s) -> {
            if (s.changed) {
                ids.add(id.array());
                pledged.add(s.pledged);
                consented.add(s.consented);
                left.add(s.left);
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        try (var update = connection.prepareStatement("""
                update einv_invoice i set pledged = v.pledged, red_consented = v.consented, red_consent_left = v.left_
                from unnest(?::bytea[], ?::boolean[], ?::numeric[], ?::numeric[]) as v(chain_id, pledged, consented, left_)
                where i.chain_invoice_id = v.chain_id""")) {
            update.setArray(1, connection.createArrayOf("bytea", ids.toArray(byte[][]::new)));
            update.setArray(2, connection.createArrayOf("boolean", pledged.toArray(Boolean[]::new)));
            update.setArray(3, connection.createArrayOf("numeric", consented.toArray(BigDecimal[]::new)));
            update.setArray(4, connection.createArrayOf("numeric", left.toArray(BigDecimal[]::new)));
            update.executeUpdate();
        }
    }
}

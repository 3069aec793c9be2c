package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;
import java.util.Set;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

/**
 * The one place that decides who may see an invoice: its seller and its buyer. Anyone else gets
 * 404, so an invoice's existence is not revealed (the public check answers only what it must).
 */
@RequestScoped
public class InvoiceAccess {

    /** Which side of an invoice the caller's organisation is on. */
    public enum Side { SELLER, BUYER }

    private final Caller caller;

    InvoiceAccess(Caller caller) {
        this.caller = caller;
    }

    public Invoice visible(long id) {
        var invoice = Invoice.<Invoice>findById(id);
        return requireSide(invoice, id, Set.of(Side.SELLER, Side.BUYER));
    }

    /** The invoice locked for a step only {@code sides} may take; 404 for anyone not on the invoice, 403 for the other side. */
    public Invoice lockFor(long id, Set<Side> sides, String step) {
        var invoice = Invoice.<Invoice>findById(id, LockModeType.PESSIMISTIC_WRITE);
        var found = requireSide(invoice, id, Set.of(Side.SELLER, Side.BUYER));
        if (sides.stream().noneMatch(side -> on(found, side))) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.FORBIDDEN, "only the "
                    + sides.stream().map(s -> s.name().toLowerCase()).sorted().toList() + " of invoice " + found.number + " may " + step);
        }
        return found;
    }

    public Side sideOf(Invoice invoice) {
        return on(invoice, Side.SELLER) ? Side.SELLER : Side.BUYER;
    }

    private Invoice requireSide(Invoice invoice, long id, Set<Side> sides) {
        if (invoice == null || sides.stream().noneMatch(side -> on(invoice, side))) {
            throw ProblemException.notFound("invoice " + id);
        }
        return invoice;
    }

    private boolean on(Invoice invoice, Side side) {
        String organisation = caller.requireOrganisation();
        return side == Side.SELLER ? organisation.equals(invoice.seller) : organisation.equals(invoice.buyer);
    }
}

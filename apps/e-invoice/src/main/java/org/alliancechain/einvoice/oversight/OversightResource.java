package org.alliancechain.einvoice.oversight;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tax bureau's oversight figures over the issuers it authorised (the same the oversight page shows). */
@Path("/api/oversight")
@Tag(name = "Oversight")
@Produces(MediaType.APPLICATION_JSON)
public class OversightResource {

    private final BureauStatistics statistics;

    OversightResource(BureauStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Path("/issuers")
    @RolesAllowed("tax-officer")
    @Operation(summary = "Per issuer of your bureau: blue and red invoices (count, amount, tax), red-letter rate, "
            + "duplicate reimbursements and bookings the chain refused")
    public List<BureauStatistics.IssuerFigures> issuers() {
        return statistics.issuers();
    }

    @GET
    @Path("/months")
    @RolesAllowed("tax-officer")
    @Operation(summary = "Per issuer of your bureau and month of issue: blue and red invoices apart (count, amount excl. tax, tax)")
    public List<BureauStatistics.MonthFigures> months() {
        return statistics.months();
    }
}

package org.alliancechain.einvoice.verification;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public check of an invoice (发票查验), as the national platform asks for a 数电 invoice: number, issue date and total incl. tax. */
@Path("/api/public/invoices")
@Tag(name = "Public verification")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class VerificationResource {

    private final InvoiceVerification verification;
    private final ClientThrottle throttle;

    VerificationResource(InvoiceVerification verification, ClientThrottle throttle) {
        this.verification = verification;
        this.throttle = throttle;
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Check an invoice by its number, issue date and total including tax; no login, no daily limit per invoice "
            + "(limited per client). Answers its state and remaining amount, never who booked, reimbursed or financed it")
    public InvoiceVerification.Answer verify(
            @QueryParam("number") @NotNull @Pattern(regexp = "\\d{20}", message = "must be the invoice's 20-digit number") String number,
            @QueryParam("issueDate") @NotNull LocalDate issueDate,
            // Negative for a red invoice, as printed on it (and carried by its QR code).
            @QueryParam("total") @NotNull @Digits(integer = 16, fraction = 2) BigDecimal total,
            @QueryParam("kind") InvoiceKind kind,
            @Context HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        throttle.admit(client);
        var answer = verification.check(kind, number, issueDate, total);
        if (!answer.found()) {
            throttle.failed(client);
        }
        return answer;
    }
}

package org.alliancechain.einvoice.redletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.problem.ProblemException;

/**
 * How much of a pledged invoice may still be offset: InvoiceRegistry red-letters a pledged invoice only
 * within what the financing holding the pledge consented to ({@code consentToRed}) and has not yet
 * seen red-lettered. This service holds back, besides, what its red invoices queued for the chain and
 * its open forms will use, so that every form it lets through is one the chain accepts. A form's void,
 * refusal, withdrawal or lapse frees its amount again; a red invoice the chain refused uses nothing.
 * The financier is never named: the parties learn that the invoice is pledged and how much may be offset.
 */
@ApplicationScoped
public class RedConsents {

    /**
     * The consent of a pledged invoice: what the financier consented to under the pledge, what of it
     * the chain has not yet seen red-lettered, what queued red invoices and open forms hold of that,
     * and what a new form may use.
     */
    public record Consent(BigDecimal consented, BigDecimal leftOnChain, BigDecimal queued, BigDecimal open, BigDecimal available) {
    }

    private final ChainStates chainStates;

    RedConsents(ChainStates chainStates) {
        this.chainStates = chainStates;
    }

    /** The consent of a blue invoice, empty when it is not pledged; {@code exceptForm} (may be null) is not counted among the open forms. */
    public Optional<Consent> of(Invoice blue, Long exceptForm) {
        if (!blue.pledged || blue.red) {
            return Optional.empty();
        }
        BigDecimal queued = Invoice.<Invoice>list("blueId = ?1 and consentUse is not null", blue.id).stream()
                .filter(r -> r.chainRefusal == null && chainStates.transaction(r.chainTxId).map(c -> !c.failed()).orElse(true))
                .map(r -> r.consentUse).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal open = RedLetterForm.<RedLetterForm>list("blueInvoiceId = ?1 and state in ?2", blue.id,
                        List.of(FormState.AWAITING_BUYER.code, FormState.AWAITING_SELLER.code)).stream()
                .filter(f -> !f.id.equals(exceptForm))
                .map(f -> f.redTotal.negate()).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal available = blue.redConsentLeft.subtract(queued).subtract(open).max(BigDecimal.ZERO.setScale(2));
        return Optional.of(new Consent(blue.redConsented, blue.redConsentLeft, queued, open, available));
    }

    /**
     * Refuses (409) a red-letter of {@code amount} on a pledged invoice beyond what its financier's
     * consent leaves; {@code field} is the request's field that asks for the amount.
     */
    void require(Invoice blue, BigDecimal amount, Long exceptForm, String field) {
        var consent = of(blue, exceptForm);
        if (consent.isEmpty()) {
            return;
        }
        var c = consent.get();
        if (c.consented().signum() == 0) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + blue.number + " is pledged for financing and the financier "
                    + "has not consented to a red-letter of it; the financier consents through supply-finance (已质押融资，融资方未同意红冲)",
                    "blueInvoiceId");
        }
        if (amount.compareTo(c.available()) > 0) {
            throw new ProblemException(Response.Status.CONFLICT, "the red-letter amount " + amount.toPlainString() + " exceeds what the financier "
                    + "of pledged invoice " + blue.number + " consented to: it consented to offset up to " + c.consented().toPlainString()
                    + ", of which " + c.available().toPlainString() + " is left (red invoices and open forms use the rest) "
                    + "(超出融资方同意红冲的金额：同意红冲 " + c.consented().toPlainString() + " 元，尚余 " + c.available().toPlainString() + " 元)", field);
        }
    }
}

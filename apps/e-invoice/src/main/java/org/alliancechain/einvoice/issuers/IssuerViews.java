package org.alliancechain.einvoice.issuers;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** The API's records of taxpayers and issuers. */
@ApplicationScoped
public class IssuerViews {

    public record TaxpayerView(long id, String organisation, String taxId, String name, String province, String bureau,
                               Instant registeredAt) {
    }

    public record ChangeView(String change, String detail, String by, Instant at, ChainState chain) {
    }

    public record IssuerView(long id, String organisation, String taxId, String name, String bureau, List<InvoiceKind> kinds,
                             BigDecimal quota, String quotaPeriod, BigDecimal used, BigDecimal quotaLeft, Issuer.Status status,
                             String suspensionReason,
                             Instant authorisedAt, Instant updatedAt, ChainState chain, List<ChangeView> changes) {
    }

    private final ChainStates chainStates;
    private final org.alliancechain.service.chain.ChainClock clock;

    IssuerViews(ChainStates chainStates, org.alliancechain.service.chain.ChainClock clock) {
        this.chainStates = chainStates;
        this.clock = clock;
    }

    public static TaxpayerView of(Taxpayer t) {
        return new TaxpayerView(t.id, t.organisation, t.taxId, t.name, t.province, t.bureau, t.registeredAt);
    }

    /** An issuer with its changes; {@code chain} is the state of its last change's write. */
    public IssuerView of(Issuer issuer) {
        String period = Issuer.period(clock.now());
        var taxpayer = Taxpayer.byOrganisation(issuer.organisation).orElseThrow();
        var changes = IssuerChange.of(issuer.id).stream()
                .map(c -> new ChangeView(c.change.name(), c.detail, c.changedBy, c.changedAt, chainStates.transaction(c.chainTxId).orElse(null)))
                .toList();
        return new IssuerView(issuer.id, issuer.organisation, taxpayer.taxId, taxpayer.name, issuer.bureau, List.copyOf(issuer.kindSet()),
                issuer.quota, period, issuer.usedIn(period), issuer.quotaLeft(period), issuer.status, issuer.suspensionReason, issuer.authorisedAt,
                issuer.updatedAt, changes.isEmpty() ? null : changes.getLast().chain(), changes);
    }
}

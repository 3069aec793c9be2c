package org.alliancechain.einvoice.issuers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.einvoice.EInvoiceConfig;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.Parsed;
import org.alliancechain.einvoice.tax.Province;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

/**
 * The tax bureau's steps: register the taxpayers of its province, authorise them to issue with
 * kinds and a quota, change the limits, suspend and reinstate. Each step is one transaction that
 * changes the row, records the change and queues its InvoiceRegistry write signed by the bureau.
 */
@ApplicationScoped
public class IssuerService {

    public record Registration(String organisation, String taxId, String name) {
    }

    public record Authorisation(String organisation, Set<InvoiceKind> kinds, BigDecimal quota) {
    }

    private final Caller caller;
    private final ConsortiumDirectory directory;
    private final IssuerChain chain;
    private final EInvoiceConfig config;

    IssuerService(Caller caller, ConsortiumDirectory directory, IssuerChain chain, EInvoiceConfig config) {
        this.caller = caller;
        this.directory = directory;
        this.chain = chain;
        this.config = config;
    }

    /** The caller's bureau: its organisation, which must be a tax bureau of the consortium with a configured province. */
    public String requireBureau() {
        String bureau = caller.requireOrganisation();
        if (!config.bureauProvinces().containsKey(bureau) || !directory.holds(bureau, ConsortiumRole.TAX_BUREAU)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "your organisation (" + bureau
                    + ") is not a tax bureau of the consortium (role TAX_BUREAU with a configured province)");
        }
        return bureau;
    }

    @Transactional
    public Taxpayer register(Registration registration) {
        String bureau = requireBureau();
        String province = config.bureauProvinces().get(bureau);
        var code = switch (UnifiedSocialCreditCode.parse(registration.taxId())) {
            case Parsed.Ok<UnifiedSocialCreditCode> ok -> ok.value();
            case Parsed.Error<UnifiedSocialCreditCode> error -> throw new ProblemException(ProblemException.UNPROCESSABLE,
                    error.error().messageEn() + " (" + error.error().messageZh() + ")", "taxId");
        };
        String registeredIn = code.province().map(Province::digits).orElse(code.regionCode().substring(0, 2));
        if (!registeredIn.equals(province)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "tax id " + code.value() + " was registered in province "
                    + registeredIn + ", not in this bureau's province " + province + " (不属于本局辖区)", "taxId");
        }
        if (!directory.isActiveMember(registration.organisation())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "'" + registration.organisation()
                    + "' is not an active member of the consortium", "organisation");
        }
        Taxpayer.byOrganisation(registration.organisation()).ifPresent(t -> {
            throw new ProblemException(Response.Status.CONFLICT, "'" + t.organisation + "' is already registered as taxpayer "
                    + t.taxId + (t.bureau.equals(bureau) ? "" : " by another bureau"), "organisation");
        });
        Taxpayer.byTaxId(code.value()).ifPresent(t -> {
            throw new ProblemException(Response.Status.CONFLICT, "tax id " + t.taxId + " is already registered"
                    + (t.bureau.equals(bureau) ? " for '" + t.organisation + "'" : ""), "taxId");
        });
        var taxpayer = new Taxpayer();
        taxpayer.organisation = registration.organisation();
        taxpayer.taxId = code.value();
        taxpayer.name = registration.name().strip();
        taxpayer.province = province;
        taxpayer.bureau = bureau;
        taxpayer.registeredBy = caller.userName();
        taxpayer.registeredAt = now();
        taxpayer.persist();
        return taxpayer;
    }

    @Transactional
    public Issuer authorise(Authorisation authorisation) {
        String bureau = requireBureau();
        var taxpayer = Taxpayer.byOrganisation(authorisation.organisation())
                .filter(t -> t.bureau.equals(bureau))
                .orElseThrow(() -> new ProblemException(ProblemException.UNPROCESSABLE, "'" + authorisation.organisation()
                        + "' is not a taxpayer registered by your bureau; register it first", "organisation"));
        if (Issuer.count("organisation", taxpayer.organisation) > 0) {
            throw new ProblemException(Response.Status.CONFLICT, "'" + taxpayer.organisation
                    + "' is already an issuer; change its limits instead", "organisation");
        }
        var issuer = new Issuer();
        issuer.organisation = taxpayer.organisation;
        issuer.bureau = bureau;
        issuer.kinds = Issuer.mask(requireIssuable(authorisation.kinds()));
        issuer.quota = authorisation.quota();
        issuer.used = BigDecimal.ZERO.setScale(2);
        issuer.usedPeriod = Issuer.period(now());
        issuer.status = Issuer.Status.ACTIVE;
        issuer.authorisedAt = now();
        issuer.touch().persist();
        record(issuer, IssuerChange.Kind.AUTHORISED, describe(issuer), chain.authorise(issuer, taxpayer.taxId));
        return issuer;
    }

    @Transactional
    public Issuer setLimits(long id, Set<InvoiceKind> kinds, BigDecimal quota) {
        var issuer = lockOfBureau(id);
        issuer.kinds = Issuer.mask(requireIssuable(kinds));
        issuer.quota = quota;
        record(issuer, IssuerChange.Kind.LIMITS_CHANGED, describe(issuer), chain.setLimits(issuer));
        return issuer.touch();
    }

    @Transactional
    public Issuer suspend(long id, String reason) {
        var issuer = lockOfBureau(id);
        if (issuer.status == Issuer.Status.SUSPENDED) {
            throw new ProblemException(Response.Status.CONFLICT, "'" + issuer.organisation + "' is already suspended");
        }
        issuer.status = Issuer.Status.SUSPENDED;
        issuer.suspensionReason = reason.strip();
        record(issuer, IssuerChange.Kind.SUSPENDED, issuer.suspensionReason, chain.suspend(issuer, issuer.suspensionReason));
        return issuer.touch();
    }

    @Transactional
    public Issuer reinstate(long id) {
        var issuer = lockOfBureau(id);
        if (issuer.status != Issuer.Status.SUSPENDED) {
            throw new ProblemException(Response.Status.CONFLICT, "'" + issuer.organisation + "' is not suspended");
        }
        issuer.status = Issuer.Status.ACTIVE;
        issuer.suspensionReason = null;
        record(issuer, IssuerChange.Kind.REINSTATED, null, chain.reinstate(issuer));
        return issuer.touch();
    }

    /** The issuers of the caller's bureau. */
    public List<Issuer> ofBureau() {
        return Issuer.list("bureau = ?1 order by organisation", requireBureau());
    }

    public List<Taxpayer> taxpayersOfBureau() {
        return Taxpayer.list("bureau = ?1 order by organisation", requireBureau());
    }

    /** One issuer of the caller's bureau; another bureau's answers 404. */
    public Issuer ofBureau(long id) {
        String bureau = requireBureau();
        return Issuer.<Issuer>findByIdOptional(id).filter(i -> i.bureau.equals(bureau))
                .orElseThrow(() -> ProblemException.notFound("issuer " + id));
    }

    /**
     * The caller's organisation as an issuer, locked until the transaction ends (its quota is about to
     * be used); 403 when the bureau has not authorised it.
     */
    public Issuer lockCallersIssuer() {
        return lockIssuer(caller.requireOrganisation());
    }

    /** {@link #lockCallersIssuer()} for an organisation named explicitly (work outside a request). */
    public Issuer lockIssuer(String organisation) {
        return Issuer.<Issuer>find("organisation", organisation).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN, "your organisation (" + organisation
                        + ") is not authorised by a tax bureau to issue invoices (未获开票授权)"));
    }

    private Issuer lockOfBureau(long id) {
        String bureau = requireBureau();
        return Issuer.<Issuer>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(i -> i.bureau.equals(bureau))
                .orElseThrow(() -> ProblemException.notFound("issuer " + id));
    }

    private static Set<InvoiceKind> requireIssuable(Set<InvoiceKind> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "name at least one kind of invoice", "kinds");
        }
        for (var kind : kinds) {
            if (!kind.issuable()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, Issuer.label(kind) + " cannot be issued here (import only)", "kinds");
            }
        }
        return kinds;
    }

    private static String describe(Issuer issuer) {
        return issuer.kindSet().stream().map(Issuer::label).toList() + ", quota " + issuer.quota.toPlainString();
    }

    private void record(Issuer issuer, IssuerChange.Kind kind, String detail, long chainTxId) {
        var change = new IssuerChange();
        change.issuerId = issuer.id;
        change.change = kind;
        change.detail = detail;
        change.chainTxId = chainTxId;
        change.changedBy = caller.userName();
        change.changedAt = now();
        change.persist();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

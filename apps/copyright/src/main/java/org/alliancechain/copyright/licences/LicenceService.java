package org.alliancechain.copyright.licences;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.copyright.works.WorkTransfers;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.problem.Times;
import org.alliancechain.service.tenancy.Tenancy;

/**
 * Granting and revoking licences. Everything LicenceRegistry would refuse is refused here first,
 * with the field named: a work not held or not yet registered on chain, a licensee that is not
 * another active member, an empty or inverted period, an overlap with a licence of the same work and
 * licensee that shares a use, a channel, a territory and part of the period, a work whose rights are
 * being transferred (the new holder grants once it holds it). Times the registry
 * compares with its blocks (a revocation's effective time) are dated by the chain's clock.
 */
@ApplicationScoped
public class LicenceService {

    /** LicenceRegistry.MAX_LICENCES_PER_KEY: licences per work and licensee, revoked ones included. */
    static final int MAX_PER_WORK_AND_LICENSEE = 64;

    /** What a rights manager asks for. */
    public record Grant(long workId, String licensee, List<LicenceUses.Use> uses, List<LicenceUses.Channel> channels, String territory,
                        Instant validFrom, Instant validUntil, String terms) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tenancy tenancy;
    private final ConsortiumDirectory members;
    private final Attestations attestations;
    private final LicenceChain chain;
    private final ChainClock clock;
    private final WorkTransfers transfers;

    LicenceService(Tenancy tenancy, ConsortiumDirectory members, Attestations attestations, LicenceChain chain, ChainClock clock,
                   WorkTransfers transfers) {
        this.transfers = transfers;
        this.tenancy = tenancy;
        this.members = members;
        this.attestations = attestations;
        this.chain = chain;
        this.clock = clock;
    }

    @Transactional
    public Licence grant(String licensor, String user, Grant g) {
        var work = tenancy.find(Work.class, g.workId(), "Work");
        if (work.status != Work.Status.REGISTERED) {
            throw new ProblemException(Response.Status.CONFLICT, "work " + work.id + " is " + work.status.english
                    + (work.status == Work.Status.PENDING ? "; licences can be granted once WorkRegistry holds it" : ""), "workId");
        }
        // LicenceRegistry asks WorkRegistry who holds the work when the grant is mined: after the transfer, no longer the licensor.
        var transfer = transfers.pending(work.id);
        if (transfer.isPresent()) {
            throw new ProblemException(Response.Status.CONFLICT, "the rights in work " + work.id + " are being transferred to "
                    + transfer.get().toOrganisation + ": the new holder grants its licences", "workId");
        }
        String licensee = g.licensee().strip();
        if (licensee.equals(licensor)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "a licence is granted to another member, not to your own organisation",
                    "licensee");
        }
        if (!members.isActiveMember(licensee)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, licensee + " is not an active member of the consortium", "licensee");
        }
        String territory = LicenceUses.territory(g.territory());
        if (territory == null) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be an ISO 3166 code such as CN or CN-BJ, or * for worldwide",
                    "territory");
        }
        Times.onChain(g.validFrom(), "validFrom");
        Times.onChain(g.validUntil(), "validUntil");
        if (g.validUntil() != null && !g.validUntil().isAfter(g.validFrom())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be after validFrom", "validUntil");
        }
        int uses = LicenceUses.mask(g.uses(), g.channels());
        var existing = Licence.<Licence>list("workId = ?1 and licensee = ?2", work.id, licensee);
        if (existing.size() >= MAX_PER_WORK_AND_LICENSEE) {
            throw new ProblemException(Response.Status.CONFLICT, licensee + " already has " + existing.size() + " licences for work " + work.id
                    + ", the most LicenceRegistry keeps per work and licensee", "licensee");
        }
        for (var other : existing) {
            if (LicenceUses.sharesUse(other.uses, uses) && LicenceUses.overlaps(other.territory, territory)
                    && other.overlaps(g.validFrom(), g.validUntil())) {
                throw new ProblemException(Response.Status.CONFLICT, "overlaps licence L-" + other.id + " (" + LicenceUses.describe(other.uses)
                        + ", " + other.territory + ", from " + other.validFrom + (other.endsAt() == null ? "" : " until " + other.endsAt())
                        + "): revoke it first or choose another period", "validFrom");
            }
        }
        var licence = new Licence();
        licence.organisation = licensor;
        licence.workId = work.id;
        licence.chainLicenceId = new byte[32];
        RANDOM.nextBytes(licence.chainLicenceId);
        licence.licensee = licensee;
        licence.uses = uses;
        licence.territory = territory;
        licence.validFrom = g.validFrom();
        licence.validUntil = g.validUntil();
        licence.terms = g.terms().strip();
        licence.status = Licence.Status.PENDING;
        licence.createdAt = Instant.now();
        licence.createdBy = user;
        // The terms record before the row (time-stamping may touch the database, which flushes this transaction's rows).
        licence.record = attestations.timeStamped(record(licence, work), "the licence of work " + work.id + " to " + licensee);
        licence.persist();
        licence.chainTxId = chain.grant(licence, work.contentDigest);
        return licence;
    }

    /** Revokes from {@code effectiveAt} (null: now, as the chain records it); never back-dated. */
    @Transactional
    public Licence revoke(long id, Instant effectiveAt) {
        var licence = tenancy.find(Licence.class, id, "Licence");
        if (licence.status != Licence.Status.GRANTED) {
            throw new ProblemException(Response.Status.CONFLICT, "licence L-" + id + " is " + licence.status.english
                    + (licence.status == Licence.Status.PENDING ? "; it can be revoked once LicenceRegistry holds it" : ""));
        }
        if (effectiveAt != null) {
            Times.onChain(effectiveAt, "effectiveAt");
            Instant now = clock.now();
            if (effectiveAt.isBefore(now.minusSeconds(1))) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "a revocation takes effect now or later, never before it is "
                        + "recorded (the chain's time is " + now + ")", "effectiveAt");
            }
            if (licence.validUntil != null && !effectiveAt.isBefore(licence.validUntil)) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the licence ends at " + licence.validUntil
                        + " anyway: a revocation takes effect before that", "effectiveAt");
            }
        }
        licence.status = Licence.Status.REVOKING;
        licence.revokedEffectiveAt = effectiveAt;
        licence.revokeTxId = chain.revoke(licence, effectiveAt);
        return licence;
    }

    private static EvidenceRecord record(Licence l, Work work) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("licence.work", "W-" + work.id + " " + work.contentDigestHex());
        attributes.put("licence.uses", LicenceUses.describe(l.uses));
        attributes.put("licence.territory", l.territory);
        attributes.put("licence.validFrom", l.validFrom.toString());
        attributes.put("licence.validUntil", l.validUntil == null ? "no end" : l.validUntil.toString());
        attributes.put("licence.terms", l.terms);
        var parties = new LinkedHashMap<String, String>();
        parties.put("licensor", l.organisation);
        parties.put("licensee", l.licensee);
        return new EvidenceRecord("copyright.licence", java.util.HexFormat.of().formatHex(l.chainLicenceId), l.organisation, "Licence of W-" + work.id + " " + work.title + " to "
                + l.licensee, parties, null, attributes, l.createdAt);
    }
}

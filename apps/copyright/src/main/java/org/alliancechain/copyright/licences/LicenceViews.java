package org.alliancechain.copyright.licences;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** What the API answers about licences, and the one place that decides who may see one. */
@ApplicationScoped
public class LicenceViews {

    /** {@code workHolder}: the work's holder now (after a transfer of its rights, no longer the licensor). */
    public record LicenceView(long id, String licenceId, long workId, String workTitle, String workContentDigest, String licensor,
                              String licensee, List<LicenceUses.Use> uses, List<LicenceUses.Channel> channels, String usesLabel, String territory,
                              Instant validFrom, Instant validUntil, String terms, String termsDigest, String status, String statusLabel,
                              Long grantedBlock, String grantedTransaction, Instant revokedEffectiveAt, Long revokedBlock, ChainState grant,
                              ChainState revocation, Instant createdAt, String workHolder) {
    }

    private final ChainStates states;

    LicenceViews(ChainStates states) {
        this.states = states;
    }

    /** The licence when the organisation granted it or holds it; 404 otherwise (as for a licence that does not exist). */
    public static Licence visibleTo(String organisation, long id) {
        Licence l = Licence.findById(id);
        if (l == null || !(organisation.equals(l.organisation) || organisation.equals(l.licensee))) {
            throw org.alliancechain.service.problem.ProblemException.notFound("Licence " + id);
        }
        return l;
    }

    public LicenceView of(Licence l) {
        Work w = Work.findById(l.workId);
        return new LicenceView(l.id, HexFormat.of().formatHex(l.chainLicenceId), l.workId, w.title, w.contentDigestHex(), l.organisation,
                l.licensee, LicenceUses.uses(l.uses), LicenceUses.channels(l.uses), LicenceUses.describe(l.uses), l.territory, l.validFrom,
                l.validUntil, l.terms, l.record.digest, l.status.name(), l.status.chinese + " " + l.status.english, l.grantedBlock, l.grantedTx,
                l.revokedEffectiveAt, l.revokedBlock, states.transaction(l.chainTxId).orElse(null), states.transaction(l.revokeTxId).orElse(null),
                l.createdAt, w.organisation);
    }
}

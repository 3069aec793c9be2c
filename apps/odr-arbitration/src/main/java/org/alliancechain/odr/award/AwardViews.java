package org.alliancechain.odr.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.alliancechain.odr.award.AwardResource.AwardView;
import org.alliancechain.odr.award.AwardResource.MinutesView;
import org.alliancechain.odr.award.AwardResource.ServiceView;
import org.alliancechain.odr.award.AwardResource.VoteView;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** How awards and minutes are shown over the API and on the pages, with the state of their chain records. */
@ApplicationScoped
public class AwardViews {

    private final AwardService service;
    private final ChainStates states;

    AwardViews(AwardService service, ChainStates states) {
        this.service = service;
        this.states = states;
    }

    /** The award as the caller may see it (404 when there is none or the caller may not see the draft). */
    @Transactional
    public AwardView award(long caseId) {
        return of(caseId, service.find(caseId));
    }

    /** The award as the caller may see it, if there is one. */
    @Transactional
    public Optional<AwardView> awardIfAny(long caseId) {
        return service.findIfVisible(caseId).map(award -> of(caseId, award));
    }

    private AwardView of(long caseId, Award award) {
        var state = award.record == null ? null : states.notarisation(award.record.notarisationItemId).orElse(null);
        return new AwardView(award.status, award.draftedBy, award.draftedAt, award.decision, award.reasoning, award.issuedAt,
                award.record == null ? null : award.record.digest, ChainState.nameOf(state), award.pdfSha256,
                service.votes(caseId).stream().map(v -> new VoteView(v.arbitrator, v.approve, v.note, v.votedAt)).toList(),
                service.service(caseId).stream().map(this::service).toList());
    }

    @Transactional
    public java.util.List<MinutesView> minutesOf(long caseId) {
        return service.minutes(caseId).stream().map(this::minutes).toList();
    }

    public MinutesView minutes(Minutes m) {
        var state = states.notarisation(m.record.notarisationItemId).orElse(null);
        return new MinutesView(m.id, m.recordedBy, m.heldAt, m.text, m.record.digest, ChainState.nameOf(state), m.createdAt);
    }

    private ServiceView service(ServiceRecord s) {
        return new ServiceView(s.party, s.madeAvailableAt, status(s.madeAvailableTxId), s.openedAt, s.openedBy, status(s.openedTxId));
    }

    private String status(Long txId) {
        return states.transaction(txId).map(ChainState::name).orElse(null);
    }
}

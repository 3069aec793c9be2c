package org.alliancechain.odr.cases;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;

/** Records each step of a case and shows them with the state of their chain writes. */
@ApplicationScoped
public class Timeline {

    /** One step as users see it: its chain status is PENDING/SUBMITTED/CONFIRMED/FAILED (or BATCHING for a notarisation). */
    public record Entry(long id, String step, String chinese, String english, String actor, String organisation, String detail,
                        Instant at, String chainStatus, String transactionHash, Long blockNumber, String failureReason) {
    }

    private final ChainStates states;

    Timeline(ChainStates states) {
        this.states = states;
    }

    /** Records a step taken by the current caller (or by the system when there is none). */
    public CaseEvent record(OdrCase c, Step step, String detail, Long chainTxId, Long notarisationItemId) {
        var event = new CaseEvent();
        event.caseId = c.id;
        event.step = step.name();
        var caller = currentCaller();
        event.actor = caller == null ? "system" : caller.userName();
        event.organisation = caller == null ? null : caller.organisation().orElse(null);
        event.detail = detail;
        event.chainTxId = chainTxId;
        event.notarisationItemId = notarisationItemId;
        event.at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        event.persist();
        return event;
    }

    public List<Entry> of(OdrCase c) {
        return CaseEvent.of(c.id).stream().map(this::entry).toList();
    }

    private Entry entry(CaseEvent e) {
        var step = Step.valueOf(e.step);
        var state = (e.chainTxId != null ? states.transaction(e.chainTxId) : states.notarisation(e.notarisationItemId)).orElse(null);
        return new Entry(e.id, e.step, step.chinese, step.english, e.actor, e.organisation, e.detail, e.at, ChainState.nameOf(state),
                state == null ? null : state.transactionHash(), state == null ? null : state.blockNumber(),
                state == null ? null : state.failureReason());
    }

    private static Caller currentCaller() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        var caller = container.instance(Caller.class).get();
        try {
            caller.userName();
            return caller;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

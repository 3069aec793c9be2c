package org.alliancechain.odr.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

/**
 * The one place where cases are looked up for a caller. A case belongs to three organisations;
 * anyone else gets 404 (its existence is not revealed). Steps reserved to one side answer 403 to
 * the other participants.
 */
@RequestScoped
public class CaseAccess {

    private final Caller caller;

    CaseAccess(Caller caller) {
        this.caller = caller;
    }

    /** The case, if the caller's organisation takes part in it; 404 otherwise. */
    public OdrCase find(long id) {
        return visible(OdrCase.findById(id), id);
    }

    /** The case, locked for a change until the transaction ends (steps of one case never interleave). */
    public OdrCase lock(long id) {
        return visible(OdrCase.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    /** The case locked, when the caller is on one of the given sides; 403 for the other participants. */
    public OdrCase lockFor(long id, Set<Side> sides, String what) {
        var found = lock(id);
        requireSide(found, sides, what);
        return found;
    }

    public void requireSide(OdrCase found, Set<Side> sides, String what) {
        Side side = side(found);
        if (!sides.contains(side)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the " + describe(sides) + " may " + what
                    + "; your organisation is the " + side.english.toLowerCase() + " in case " + found.caseNumber);
        }
    }

    public Side side(OdrCase found) {
        return found.sideOf(caller.requireOrganisation());
    }

    /** The caller's cases, newest first. */
    public List<OdrCase> mine(CaseStatus status, int limit) {
        String organisation = caller.requireOrganisation();
        String query = "(claimant = ?1 or respondent = ?1 or commission = ?1)" + (status == null ? "" : " and status = ?2");
        var found = status == null ? OdrCase.<OdrCase>find(query + " order by id desc", organisation)
                : OdrCase.<OdrCase>find(query + " order by id desc", organisation, status);
        return found.page(0, limit).list();
    }

    private OdrCase visible(OdrCase found, long id) {
        if (found == null || found.sideOf(caller.requireOrganisation()) == null) {
            throw ProblemException.notFound("Case " + id);
        }
        return found;
    }

    private static String describe(Set<Side> sides) {
        return String.join(" or ", sides.stream().sorted().map(s -> s.english.toLowerCase()).toList());
    }
}

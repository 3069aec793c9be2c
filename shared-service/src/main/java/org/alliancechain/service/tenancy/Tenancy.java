package org.alliancechain.service.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.runtime.JpaOperations;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

/**
 * The one place where reads are limited to the caller's organisation. Another organisation's
 * object answers 404 — not 403 — so its existence is not revealed.
 */
@RequestScoped
public class Tenancy {

    private final Caller caller;

    Tenancy(Caller caller) {
        this.caller = caller;
    }

    /**
     * The caller's organisation's object with this id; 404 for anything else. Loaded by its primary
     * key (no query to plan: half the CPU of a read by id went to Hibernate's query path), then its
     * owner compared.
     */
    @SuppressWarnings("unchecked")
    public <T extends OrganisationOwned> T find(Class<T> type, Object id, String what) {
        String organisation = caller.requireOrganisation();
        T found = (T) JpaOperations.INSTANCE.findById(type, id);
        if (found == null || !organisation.equals(found.organisation)) {
            throw ProblemException.notFound(what + " " + id);
        }
        return found;
    }

    /** The caller's organisation's objects matching a condition (may be empty), sorted. */
    @SuppressWarnings("unchecked")
    public <T extends OrganisationOwned> PanacheQuery<T> list(Class<T> type, String condition, Map<String, Object> parameters, Sort sort) {
        var all = Parameters.with("organisation", caller.requireOrganisation());
        parameters.forEach(all::and);
        String query = "organisation = :organisation" + (condition == null || condition.isBlank() ? "" : " and (" + condition + ")");
        return (PanacheQuery<T>) JpaOperations.INSTANCE.find(type, query, sort, all);
    }
}

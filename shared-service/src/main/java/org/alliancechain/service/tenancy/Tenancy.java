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
    private final javax.sql.DataSource dataSource;

    Tenancy(Caller caller, javax.sql.DataSource dataSource) {
        this.caller = caller;
        this.dataSource = dataSource;
    }

    /** Reads the columns of one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(java.sql.ResultSet row) throws java.sql.SQLException;
    }

    /**
     * {@link #find} for a hot read that needs a few columns and no entity: {@code select <columns> from
     * <table> where id = ? and organisation = ?} in plain SQL (Hibernate's load of an entity by its key
     * was a third of the CPU of {@code GET /api/notarisations/{id}}); 404 for anything else. Table and
     * columns are the caller's constants, never input.
     */
    public <T> T findRow(String table, String columns, long id, String what, RowReader<T> reader) {
        String organisation = caller.requireOrganisation();
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select " + columns + " from " + table + " where id = ? and organisation = ?")) {
            s.setLong(1, id);
            s.setString(2, organisation);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound(what + " " + id);
                }
                return reader.read(rs);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read " + what + " " + id + ": " + e.getMessage(), e);
        }
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

package org.alliancechain.service.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import org.alliancechain.service.identity.Caller;

/**
 * Every entity a member organisation owns. Reads go through {@link Tenancy} (another organisation's
 * object answers 404); writes are guarded here: a new object belongs to the caller's organisation,
 * and changing or deleting another organisation's object is refused, whatever code path tries it.
 * Work without a caller (relay, indexer, scheduler) is not restricted.
 */
@MappedSuperclass
@EntityListeners(OrganisationOwned.Guard.class)
public abstract class OrganisationOwned extends PanacheEntityBase {

    /** The owning organisation's alias; set from the caller on creation, never changed. */
    @Column(nullable = false, updatable = false)
    public String organisation;

    public static class Guard {

        @PrePersist
        void creating(OrganisationOwned entity) {
            guardNew(entity);
        }

        /** What {@code persist} checks of a new object, for rows inserted without the session (RowsInsert). */
        public static void guardNew(OrganisationOwned entity) {
            var caller = currentOrganisation();
            if (caller == null) {
                return;
            }
            if (entity.organisation == null) {
                entity.organisation = caller;
            } else if (!entity.organisation.equals(caller)) {
                throw new TenancyViolation("an object for organisation " + entity.organisation + " created by " + caller);
            }
        }

        @PreUpdate
        @PreRemove
        void changing(OrganisationOwned entity) {
            var caller = currentOrganisation();
            if (caller != null && !caller.equals(entity.organisation)) {
                throw new TenancyViolation("organisation " + caller + " changing an object of " + entity.organisation);
            }
        }

        private static String currentOrganisation() {
            try {
                var container = Arc.container();
                if (container == null || !container.requestContext().isActive()) {
                    return null;
                }
                return container.instance(Caller.class).get().organisation().orElse(null);
            } catch (ContextNotActiveException e) {
                return null;
            }
        }
    }

    /** A write across organisations: a defect in the calling code, never something a user can cause through the API. */
    public static class TenancyViolation extends SecurityException {
        public TenancyViolation(String message) {
            super(message);
        }
    }
}

package org.alliancechain.einvoice.issuers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A member organisation registered by the tax bureau of its province: the link between the unified
 * social credit code an invoice names and the member that receives it. Registered once; the bureau
 * that registered it is the one that may authorise it to issue.
 */
@Entity
@Table(name = "einv_taxpayer")
public class Taxpayer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The member's alias in the consortium. */
    public String organisation;

    @Column(name = "tax_id")
    public String taxId;

    public String name;

    /** Province-level code of the registering bureau (two digits). */
    public String province;

    public String bureau;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "registered_at")
    public Instant registeredAt;

    public static Optional<Taxpayer> byTaxId(String taxId) {
        return find("taxId", taxId).firstResultOptional();
    }

    public static Optional<Taxpayer> byOrganisation(String organisation) {
        return find("organisation", organisation).firstResultOptional();
    }
}

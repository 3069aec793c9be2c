package org.alliancechain.service.notarisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A document hash registered on chain by a member organisation. */
@Entity
public class Notarisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String sha256;

    /** The chain client's notarisation item: batch, proof and anchoring status. */
    @Column(name = "notarisation_item_id", nullable = false)
    public Long itemId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

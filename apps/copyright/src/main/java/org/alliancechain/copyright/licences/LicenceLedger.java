package org.alliancechain.copyright.licences;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Projects LicenceRegistry's grants and revocations of the licences this service submitted, in chain order. */
@ApplicationScoped
public class LicenceLedger implements ChainEventHandler {

    private final String registry;

    LicenceLedger(@ConfigProperty(name = "chain.contracts.licence-registry") String registry) {
        this.registry = registry;
    }

    @Override
    public String stream() {
        return "cr-licences";
    }

    @Override
    public String contract() {
        return registry;
    }

    @Override
    public String event() {
        return events().getFirst();
    }

    @Override
    public List<String> events() {
        return List.of("LicenceGranted(bytes32 indexed licenceId, bytes32 indexed work, bytes32 indexed licensee, bytes32 licensor, "
                        + "uint32 uses, bytes32 territory, uint64 validFrom, uint64 validUntil, bytes32 termsDigest, bytes32 head)",
                "LicenceRevoked(bytes32 indexed licenceId, bytes32 indexed work, bytes32 indexed licensee, bytes32 licensor, uint32 uses, "
                        + "bytes32 territory, uint64 validFrom, uint64 validUntil, bytes32 termsDigest, uint64 effectiveAt, bytes32 head)");
    }

    @Override
    public void handle(ChainEvent e) {
        var em = Panache.getEntityManager();
        if (e.event().startsWith("LicenceGranted")) {
            em.createNativeQuery("update cr_licence set status = 'GRANTED', granted_block = ?2, granted_tx = ?3 "
                            + "where chain_licence_id = ?1 and status = 'PENDING'")
                    .setParameter(1, e.bytes("licenceId")).setParameter(2, e.blockNumber()).setParameter(3, e.transactionHash()).executeUpdate();
        } else {
            em.createNativeQuery("update cr_licence set status = 'REVOKED', revoked_block = ?2, revoked_effective_at = ?3 "
                            + "where chain_licence_id = ?1 and status <> 'REVOKED'")
                    .setParameter(1, e.bytes("licenceId")).setParameter(2, e.blockNumber())
                    .setParameter(3, Timestamp.from(Instant.ofEpochSecond(e.number("effectiveAt").longValueExact()))).executeUpdate();
        }
    }
}

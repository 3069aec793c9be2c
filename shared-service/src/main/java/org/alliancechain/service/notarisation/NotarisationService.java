package org.alliancechain.service.notarisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

@ApplicationScoped
public class NotarisationService {

    private static final HexFormat HEX = HexFormat.of();

    private final ChainPort chain;
    private final Caller caller;

    NotarisationService(ChainPort chain, Caller caller) {
        this.chain = chain;
        this.caller = caller;
    }

    /** Stores the hash and queues it for the next anchored Merkle batch, in one transaction. */
    @Transactional
    public Notarisation register(String sha256, String label) {
        var item = new Notarisation();
        item.organisation = caller.requireOrganisation();
        item.createdBy = caller.userName();
        item.label = label;
        item.sha256 = sha256.toLowerCase();
        item.createdAt = Instant.now();
        item.itemId = chain.notarise(HEX.parseHex(item.sha256));
        item.persist();
        return item;
    }

    /** The caller's organisation's item; any other organisation's answers 404. */
    @Transactional
    public Notarisation find(long id) {
        return Notarisation.<Notarisation>find("id = ?1 and organisation = ?2", id, caller.requireOrganisation())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Notarisation " + id));
    }

    @Transactional
    public List<Notarisation> latest(int limit) {
        return Notarisation.<Notarisation>find("organisation = ?1 order by id desc", caller.requireOrganisation())
                .page(0, limit).list();
    }
}

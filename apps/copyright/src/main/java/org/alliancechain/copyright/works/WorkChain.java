package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Works in WorkRegistry, signed by the rights holder: many works per {@code registerWorks}
 * transaction, where content registered before (by anyone) is refused by an event and the others
 * stand. The work's id on chain is its content digest, known before the transaction. Transfers of the
 * rights are signed by the current holder.
 */
@ApplicationScoped
public class WorkChain {

    /** Works per transaction (gas: see contracts/README.md, "Works and licences"). */
    static final int PER_TRANSACTION = 100;

    private final ChainPort chain;
    private final String registry;

    WorkChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.work-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }

    /** Queues the works of one holder; sets each work's {@code chainTxId} to the outbox write that carries it. */
    public void registerAll(String holder, List<Work> works) {
        for (int from = 0; from < works.size(); from += PER_TRANSACTION) {
            int to = Math.min(works.size(), from + PER_TRANSACTION);
            var contents = new ArrayList<byte[]>(to - from);
            var fingerprints = new ArrayList<byte[]>(to - from);
            var records = new ArrayList<byte[]>(to - from);
            for (var work : works.subList(from, to)) {
                contents.add(work.contentDigest);
                fingerprints.add(work.fingerprintDigest);
                records.add(work.record.digestBytes());
            }
            long id = chain.submit(holder, ContractCall.of(registry, "registerWorks(bytes32[],bytes32[],bytes32[])", contents, fingerprints,
                    records).withPurpose("works-registered"));
            for (var work : works.subList(from, to)) {
                work.chainTxId = id;
            }
        }
    }

    /** Queues {@code transferRights} of a registered work, signed by its holder; returns the outbox id. */
    public long transfer(String holder, byte[] contentDigest, String toOrganisation) {
        return chain.submit(holder, ContractCall.of(registry, "transferRights(bytes32,bytes32)", contentDigest, ChainIds.memberId(toOrganisation))
                .withPurpose("rights-transferred"));
    }
}

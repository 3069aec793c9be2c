package org.alliancechain.copyright.works;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.alliancechain.chain.api.ConsortiumMember;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.tenancy.Tenancy;

/**
 * Transferring the rights in a work to another member. Refused here first, naming the field, for
 * what WorkRegistry would refuse — a work not held, not (yet) registered on chain, oneself, a member
 * that is not active or does not hold RIGHTS_HOLDER — and for what would leave a step stranded: a
 * transfer already under way, or a licence grant of the work not yet recorded (LicenceRegistry would
 * refuse it once the old holder no longer holds the work). Licences granted before stay as they are,
 * with their licensor, who may still revoke them. Once {@code RightsTransferred} is projected the work
 * belongs to the new holder: the old holder no longer sees it (404).
 */
@ApplicationScoped
public class WorkTransfers {

    /** A transfer as the API and the work's page show it; {@code status} FAILED when WorkRegistry refused the write. */
    public record TransferView(long id, long workId, String contentDigest, String from, String to, String status, String statusLabel,
                               Long transferredBlock, String transferredTransaction, ChainState transaction, Instant requestedAt,
                               String requestedBy) {
    }

    private final Tenancy tenancy;
    private final ConsortiumDirectory members;
    private final WorkChain chain;
    private final ChainStates states;

    WorkTransfers(Tenancy tenancy, ConsortiumDirectory members, WorkChain chain, ChainStates states) {
        this.tenancy = tenancy;
        this.members = members;
        this.chain = chain;
        this.states = states;
    }

    @Transactional
    public WorkTransfer transfer(String holder, String user, long workId, String toOrganisation) {
        var work = tenancy.find(Work.class, workId, "Work");
        if (work.status != Work.Status.REGISTERED) {
            throw new ProblemException(Response.Status.CONFLICT, "work " + work.id + " is " + work.status.english
                    + (work.status == Work.Status.PENDING ? "; its rights can be transferred once WorkRegistry holds it"
                    : ": its rights are not yours to transfer"));
        }
        var underWay = pending(work.id);
        if (underWay.isPresent()) {
            throw new ProblemException(Response.Status.CONFLICT, "the rights in work " + work.id + " are being transferred to "
                    + underWay.get().toOrganisation + " already");
        }
        Long grant = pendingGrant(work.id);
        if (grant != null) {
            throw new ProblemException(Response.Status.CONFLICT, "licence L-" + grant + " of work " + work.id + " is being granted; transfer "
                    + "the rights once LicenceRegistry holds it");
        }
        String to = toOrganisation.strip();
        if (to.equals(holder)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "your organisation holds the work already: name another member",
                    "toOrganisation");
        }
        ConsortiumMember member = members.member(to);
        if (!member.isActive()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, to + " is not an active member of the consortium", "toOrganisation");
        }
        if (!member.holds(ConsortiumRole.RIGHTS_HOLDER)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, to + " does not hold the RIGHTS_HOLDER role: WorkRegistry gives works "
                    + "only to rights holders", "toOrganisation");
        }
        var transfer = new WorkTransfer();
        transfer.workId = work.id;
        transfer.contentDigest = work.contentDigest;
        transfer.fromOrganisation = holder;
        transfer.toOrganisation = to;
        transfer.status = WorkTransfer.Status.PENDING;
        transfer.requestedAt = Instant.now();
        transfer.requestedBy = user;
        transfer.persist();
        transfer.chainTxId = chain.transfer(holder, work.contentDigest, to);
        return transfer;
    }

    /** The transfer of the work under way: asked for, not projected yet, its write not refused by the chain. */
    public Optional<WorkTransfer> pending(long workId) {
        return WorkTransfer.<WorkTransfer>list("workId = ?1 and status = ?2", workId, WorkTransfer.Status.PENDING).stream()
                .filter(t -> states.transaction(t.chainTxId).map(s -> !s.failed()).orElse(true)).findFirst();
    }

    /** Every transfer of the work, oldest first (the work's timeline). */
    public List<WorkTransfer> of(long workId) {
        return WorkTransfer.list("workId", Sort.ascending("id"), workId);
    }

    public TransferView view(WorkTransfer t) {
        var write = states.transaction(t.chainTxId).orElse(null);
        boolean failed = t.status == WorkTransfer.Status.PENDING && write != null && write.failed();
        String status = failed ? "FAILED" : t.status.name();
        String label = failed ? "失败 failed" + (write.failureReason() == null ? "" : ": " + write.failureReason())
                : t.status.chinese + " " + t.status.english;
        return new TransferView(t.id, t.workId, HexFormat.of().formatHex(t.contentDigest), t.fromOrganisation, t.toOrganisation, status, label,
                t.transferredBlock, t.transferredTx, write, t.requestedAt, t.requestedBy);
    }

    /** A licence of the work whose grant LicenceRegistry has not recorded yet (its write not refused), or null. */
    private Long pendingGrant(long workId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Work.getEntityManager().createNativeQuery("select id, chain_tx_id from cr_licence where work_id = ?1 "
                + "and status = 'PENDING'").setParameter(1, workId).getResultList();
        for (Object[] row : rows) {
            Long tx = row[1] == null ? null : ((Number) row[1]).longValue();
            if (states.transaction(tx).map(s -> !s.failed()).orElse(true)) {
                return ((Number) row[0]).longValue();
            }
        }
        return null;
    }
}

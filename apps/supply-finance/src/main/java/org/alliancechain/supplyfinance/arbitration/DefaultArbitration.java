package org.alliancechain.supplyfinance.arbitration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.alliancechain.service.arbitration.ArbitrationFiling;
import org.alliancechain.service.arbitration.ArbitrationFilings;
import org.alliancechain.service.arbitration.CitedEvent;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.supplyfinance.invoices.InvoiceFact;
import org.alliancechain.supplyfinance.receivables.HistoryEntry;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.alliancechain.supplyfinance.receivables.ReceivableChain;
import org.alliancechain.supplyfinance.receivables.ReceivablePart;

/**
 * Default to arbitration in one step: the holder of a part of an overdue certificate files a case
 * against the core enterprise on CaseRegistry, citing the certificate's history on chain as its
 * evidence — the invoices' issuance, the confirmation, every split, offer and transfer down to this
 * part, the financing, the overdue marking — and the registry records the part as in arbitration.
 * odr-arbitration projects the case and resolves each cited event into an evidence item with its
 * proofs (ARCHITECTURE.md, "Anything → arbitration"; docs/adr/0019).
 */
@ApplicationScoped
public class DefaultArbitration {

    static final String APP = "supply-finance";

    private final Caller caller;
    private final ArbitrationFilings filings;
    private final ReceivableChain chain;

    DefaultArbitration(Caller caller, ArbitrationFilings filings, ReceivableChain chain) {
        this.caller = caller;
        this.filings = filings;
        this.chain = chain;
    }

    @Transactional
    public ArbitrationCase file(long partId, String claim, String commission) {
        String holder = caller.requireOrganisation();
        ReceivablePart part = ReceivablePart.findById(partId, LockModeType.PESSIMISTIC_WRITE);
        if (part == null || !holder.equals(part.holder)) {
            throw ProblemException.notFound("part " + partId);
        }
        ReceivableCertificate c = ReceivableCertificate.<ReceivableCertificate>findByIdOptional(part.certificateId)
                .orElseThrow(() -> ProblemException.notFound("part " + partId));
        if (ArbitrationCase.count("partId", partId) > 0 || part.state == ReceivablePart.State.IN_ARBITRATION) {
            throw new ProblemException(Response.Status.CONFLICT, "part " + partId + " of certificate " + c.number + " is already in arbitration");
        }
        var shown = part.shownState(c);
        if (shown != ReceivablePart.State.OVERDUE) {
            throw new ProblemException(Response.Status.CONFLICT, "part " + partId + " is " + shown.english + " (" + shown.chinese
                    + "): only a part of a certificate the core enterprise left unpaid past its payment date and the grace days "
                    + "(overdue) goes to arbitration", "partId");
        }
        String chosen = commission == null || commission.isBlank()
                ? filings.defaultCommission().orElseThrow(() -> new ProblemException(ProblemException.UNPROCESSABLE,
                        "name the arbitration commission to file with", "commission"))
                : commission.strip();
        String caseNumber = ArbitrationFilings.caseNumber(APP, c.number + "/part-" + partId);
        byte[] claimDigest = sha256(claim);
        List<CitedEvent> evidence = citations(c, part);
        long filingTx = filings.file(holder, new ArbitrationFiling(caseNumber, chosen, c.core, claimDigest, evidence));
        byte[] caseId = ArbitrationFilings.caseId(caseNumber);
        var row = new ArbitrationCase();
        row.partId = partId;
        row.certificateId = c.id;
        row.claimant = holder;
        row.respondent = c.core;
        row.commission = chosen;
        row.caseNumber = caseNumber;
        row.caseId = caseId;
        row.claim = claim;
        row.claimDigest = claimDigest;
        row.claimedCents = part.valueCents;
        row.citations = evidence.size();
        row.filingTxId = filingTx;
        row.markTxId = chain.markInArbitration(holder, partId, caseId, filingTx);
        row.filedBy = caller.userName();
        row.filedAt = Instant.now();
        row.persist();
        part.lastChainTxId = row.markTxId;
        return row;
    }

    /**
     * The chain events that prove the claim, oldest first, at most {@link ArbitrationFilings#MAX_CITATIONS}:
     * each invoice's issuance, then the certificate's history — everything on this part's line (its
     * ancestors and itself) and the certificate-wide steps (confirmation, financing, overdue) first,
     * the rest of the tree as far as the limit allows.
     */
    static List<CitedEvent> citations(ReceivableCertificate c, ReceivablePart part) {
        Set<Long> line = new HashSet<>();
        for (Long id = part.partId; id != null; ) {
            line.add(id);
            ReceivablePart p = ReceivablePart.findById(id);
            id = p == null ? null : p.parentId;
        }
        var essential = new LinkedHashSet<CitedEvent>();
        var rest = new LinkedHashSet<CitedEvent>();
        for (var invoice : c.invoices()) {
            InvoiceFact.byId(invoice.invoiceId).filter(f -> f.issuedTx != null)
                    .ifPresent(f -> essential.add(new CitedEvent(f.issuedTx, f.issuedLog)));
        }
        for (HistoryEntry h : HistoryEntry.<HistoryEntry>list("certificateId = ?1 order by blockNumber, logIndex", c.id)) {
            var cited = new CitedEvent(h.txHash, h.logIndex);
            boolean certificateWide = h.partId == null || h.kind.startsWith("FINANCING") || List.of("CONFIRMED", "QUOTE_ACCEPTED", "FINANCED",
                    "OVERDUE", "RED_LETTER_CONSENTED").contains(h.kind);
            (certificateWide || line.contains(h.partId) ? essential : rest).add(cited);
        }
        var all = new ArrayList<>(essential);
        for (var cited : rest) {
            if (all.size() >= ArbitrationFilings.MAX_CITATIONS) {
                break;
            }
            all.add(cited);
        }
        return List.copyOf(all.subList(0, Math.min(all.size(), ArbitrationFilings.MAX_CITATIONS)));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.alliancechain.service.arbitration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.UnknownSignerException;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files an arbitration case on chain from any app, as the user's organisation, citing events already on
 * chain as its evidence (ARCHITECTURE.md, "anything → arbitration"): {@code CaseRegistry.fileCaseCiting},
 * queued through the outbox in the caller's database transaction. The arbitration service (odr-arbitration)
 * projects every case filed on chain, resolves each citation into an evidence item with its proofs, and the
 * commission takes it from there; no app calls it over HTTP.
 *
 * <p>Everything the chain would refuse is refused here first, with the field named: 422 for participants
 * the consortium does not allow (commission without ODR_COMMISSION, respondent not an active member,
 * claimant without ODR_PARTY, the same organisation twice) and malformed fields, 409 for a case number
 * already filed on chain or an organisation this service holds no key for, 503 when the node cannot be
 * reached to check.
 */
@ApplicationScoped
public class ArbitrationFilings {

    /** The most events one filing may cite (CaseRegistry.MAX_CITATIONS). */
    public static final int MAX_CITATIONS = 128;

    /** The filing event, as the indexer reads it. */
    public static final String CASE_FILED =
            "CaseFiled(bytes32 indexed caseId, bytes32 indexed claimant, bytes32 indexed commission, bytes32 respondent, bytes32 caseHash)";

    /** One per cited event, right after {@link #CASE_FILED} of a filing made here. */
    public static final String EVIDENCE_CITED = "CaseEvidenceCited(bytes32 indexed caseId, bytes32 txHash, uint32 logIndex)";

    static final String FUNCTION = "fileCaseCiting(bytes32,bytes32,bytes32,bytes32,bytes32[],uint32[])";

    private static final Pattern APP = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,119}");

    private final ChainPort chain;
    private final ChainReader reader;
    private final ConsortiumDirectory directory;
    private final Optional<String> registry;
    private final Optional<String> defaultCommission;

    ArbitrationFilings(ChainPort chain, ChainReader reader, ConsortiumDirectory directory,
                       @ConfigProperty(name = "chain.contracts.case-registry") Optional<String> registry,
                       @ConfigProperty(name = "suite.arbitration.commission") Optional<String> defaultCommission) {
        this.chain = chain;
        this.reader = reader;
        this.directory = directory;
        this.registry = registry;
        this.defaultCommission = defaultCommission;
    }

    /**
     * A filing's case number: {@code <app>/<reference>}, e.g. {@code supply-finance/SFC-2026-000017/1}. The app
     * prefix keeps it apart from every other app's and from the numbers commissions give their cases
     * ({@code HZ-ARBITRATION-2026-000042}); the reference is the app's own (letters, digits, {@code . _ : / -}).
     */
    public static String caseNumber(String app, String reference) {
        if (app == null || !APP.matcher(app).matches()) {
            throw new IllegalArgumentException("an app name is lower-case letters, digits and '-', e.g. supply-finance: " + app);
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("a filing reference is 1 to 120 letters, digits, '.', '_', ':', '/' or '-': " + reference);
        }
        return app + "/" + reference;
    }

    /** The case's id on chain: keccak256 of its case number, exactly as ODR derives the ids of the cases it numbers. */
    public static byte[] caseId(String caseNumber) {
        return ChainIds.caseId(caseNumber);
    }

    /** The commission this app files with unless told otherwise ({@code suite.arbitration.commission}). */
    public Optional<String> defaultCommission() {
        return defaultCommission.filter(s -> !s.isBlank()).map(String::strip);
    }

    /**
     * Queues the filing, signed by {@code organisation}'s key (the claimant), in the caller's transaction;
     * returns the outbox id ({@code ChainPort.status} follows it). A refusal ({@link ProblemException}) is raised
     * before anything is queued and leaves the caller's transaction usable: a caller filing many claims marks the
     * refused one and goes on.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public long file(String organisation, ArbitrationFiling filing) {
        var call = call(organisation, filing);
        return queue(() -> chain.submit(organisation, call), organisation);
    }

    /** The key custody holds for {@code organisation}, asked outside the outbox's transactional submit (whose refusal would doom the caller's transaction). */
    private void requireKey(String organisation) {
        try {
            chain.accountOf(organisation);
        } catch (UnknownSignerException e) {
            throw new ProblemException(Response.Status.CONFLICT, "this service holds no signing key for " + organisation
                    + "; it cannot file arbitration cases for it");
        }
    }

    /**
     * {@link #file}, sent only once the earlier write {@code previous} is confirmed (and failed, unsent, if it
     * fails): for a filing that cites what that write emits, e.g. a receivable marked in arbitration first.
     * The earlier write's events are cited by transaction hash, so they must be mined before the filing is
     * prepared; this orders the filing after a write it does not cite.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public long fileAfter(long previous, String organisation, ArbitrationFiling filing) {
        var call = call(organisation, filing);
        return queue(() -> chain.submitAfter(previous, organisation, call), organisation);
    }

    /**
     * Refuses participants the consortium does not allow in a case, before anything is queued: the same
     * organisation twice, a commission without ODR_COMMISSION, a respondent who is not an active member,
     * a claimant without ODR_PARTY (403). ODR's own filings are checked here too.
     */
    public void checkParticipants(String claimant, String commission, String respondent) {
        if (respondent.equals(claimant)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the respondent must be another organisation than the claimant",
                    "respondent");
        }
        if (commission.equals(claimant) || commission.equals(respondent)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the commission cannot be a party to its own case", "commission");
        }
        if (!directory.holds(commission, ConsortiumRole.ODR_COMMISSION)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "'" + commission
                    + "' is not an arbitration commission of the consortium", "commission");
        }
        if (!directory.isActiveMember(respondent)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the respondent '" + respondent
                    + "' is not an active member of the consortium", "respondent");
        }
        if (!directory.holds(claimant, ConsortiumRole.ODR_PARTY)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "your organisation (" + claimant
                    + ") is not admitted to file arbitration cases on the consortium chain (role ODR_PARTY)");
        }
    }

    private ContractCall call(String organisation, ArbitrationFiling filing) {
        String address = registry.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "chain.contracts.case-registry is not configured: this service cannot file arbitration cases"));
        if (filing.caseNumber() == null || filing.caseNumber().isBlank() || filing.caseNumber().length() > 200) {
            throw field("caseNumber", "the case number is required (at most 200 characters)");
        }
        if (filing.commission() == null || filing.commission().isBlank()) {
            throw field("commission", "the commission is required");
        }
        if (filing.respondent() == null || filing.respondent().isBlank()) {
            throw field("respondent", "the respondent is required");
        }
        if (filing.claimDigest() == null || filing.claimDigest().length != 32 || isZero(filing.claimDigest())) {
            throw field("claimDigest", "the claim statement's digest is 32 bytes (SHA-256), not zero");
        }
        var evidence = filing.evidence();
        if (evidence.isEmpty() || evidence.size() > MAX_CITATIONS) {
            throw field("evidence", "a filing cites 1 to " + MAX_CITATIONS + " events, not " + evidence.size());
        }
        var seen = new HashSet<String>();
        var hashes = new ArrayList<byte[]>(evidence.size());
        var indexes = new ArrayList<Long>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            var cited = evidence.get(i);
            if (cited == null) {
                throw field("evidence[" + i + "]", "a cited event is required");
            }
            if (!seen.add(cited.reference())) {
                throw field("evidence[" + i + "]", cited.reference() + " is cited twice");
            }
            hashes.add(cited.transactionHashBytes());
            indexes.add((long) cited.logIndex());
        }
        checkParticipants(organisation, filing.commission(), filing.respondent());
        byte[] caseId = caseId(filing.caseNumber());
        try {
            if (!reader.eventsOf("CaseRegistry", caseId).isEmpty()) {
                throw new ProblemException(Response.Status.CONFLICT, "case " + filing.caseNumber() + " is already filed on chain",
                        "caseNumber");
            }
        } catch (ChainUnavailableException e) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "the chain node cannot be reached to check the case number; try again shortly");
        }
        return ContractCall.of(address, FUNCTION, caseId, ChainIds.memberId(filing.commission()), ChainIds.memberId(filing.respondent()),
                filing.claimDigest(), List.copyOf(hashes), List.copyOf(indexes)).withPurpose("case-filed-citing");
    }

    private long queue(java.util.function.LongSupplier submit, String organisation) {
        requireKey(organisation);
        return submit.getAsLong();
    }

    private static ProblemException field(String field, String detail) {
        return new ProblemException(ProblemException.UNPROCESSABLE, detail, field);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

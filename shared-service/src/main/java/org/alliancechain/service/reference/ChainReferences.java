package org.alliancechain.service.reference;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.chain.api.ContractEvent;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.chain.api.ProofCheck;
import org.alliancechain.chain.api.TransactionOnChain;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.CertificateRenderer;
import org.alliancechain.evidence.pkg.EvidencePackage;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.alliancechain.evidence.verify.VerificationReport;
import org.alliancechain.service.evidence.RegisteredRecords;
import org.alliancechain.service.problem.ProblemException;

/**
 * Resolves a reference to something the suite put on chain into evidence that carries its own
 * proofs, checked against the chain before anything is attached:
 * <ul>
 * <li>{@code event:0x<transaction hash>} — every event a suite contract emitted in that transaction;
 * {@code event:0x<transaction hash>:<log index>} — one of them (the block-wide log index, as
 * {@code eth_getLogs} reports it). Read from the chain itself: the receipt, the log, the block.</li>
 * <li>{@code anchor:<record digest>} (or a verification URL {@code …/verify?digest=…}, the target of
 * every certificate's QR code) — a notarised record. This service finds its own records; for
 * another service's record the holder brings its proof: the certificate PDF, the evidence package
 * or the proof JSON, each checked against the root anchored on chain.</li>
 * </ul>
 * Only hashes, ids and states are on chain, so a resolved reference never carries another
 * organisation's documents — only what the chain and the holder's own certificate already show.
 */
@ApplicationScoped
public class ChainReferences {

    public static final String FORMAT = "alliance-chain-suite/evidence-reference/v1";

    private static final Pattern EVENT = Pattern.compile("event:(0x[0-9a-fA-F]{64})(?::(\\d{1,9}))?");
    private static final Pattern ANCHOR = Pattern.compile("anchor:(?:0x)?([0-9a-fA-F]{64})");
    private static final Pattern VERIFY_URL = Pattern.compile("https?://\\S+/verify\\?(?:\\S*&)?digest=([0-9a-fA-F]{64})\\S*");

    /** The grammar, for error messages and documentation. */
    public static final String GRAMMAR = "a reference is event:0x<transaction hash>[:<log index>], anchor:<record digest> "
            + "or a verification URL …/verify?digest=<record digest>";

    /** One decoded argument of an event; values as text (0x-hex for bytes and addresses, decimal for numbers). */
    public record Argument(String name, String type, boolean indexed, String value) {
    }

    /** One log of a suite contract with where it sits on chain. */
    public record EventEvidence(String contract, String address, String event, String signature, List<Argument> arguments,
                                List<String> topics, String data, long logIndex, String transactionHash, long transactionIndex,
                                String from, long blockNumber, String blockHash, Instant blockTime) {
    }

    /** The certificate the holder brought, and what the verifier said of it. */
    public record CertificateCheck(String sha256, String verdict, String signer, List<VerificationReport.Check> checks, String pdfBase64) {
    }

    /** A notarised record, its inclusion proof and the check of that proof against the chain. */
    public record AnchoredItem(String recordDigest, String title, String organisation, Instant registeredAt, InclusionProof proof,
                               String onChainRoot, Instant anchoredAt, JsonNode record, CertificateCheck certificate) {
    }

    /**
     * What is attached as evidence: the reference as given, what it names, and its proofs. Stored as
     * RFC 8785 canonical JSON ({@link #canonicalJson()}), so its hash can be recomputed by anyone.
     */
    public record Resolved(String format, String reference, String kind, long chainId, Instant resolvedAt, String description,
                           List<EventEvidence> events, AnchoredItem anchoredItem, String howToCheck) {

        public byte[] canonicalJson() {
            return CanonicalJson.canonicalize(this);
        }

        /** A file name for the attached JSON. */
        public String fileName() {
            String id = events != null ? events.getFirst().transactionHash().substring(2, 14) : anchoredItem.recordDigest().substring(0, 12);
            return "reference-" + kind + "-" + id + ".json";
        }
    }

    private final ChainReader reader;
    private final ChainPort chain;
    private final CertificateVerifier verifier;
    private final Instance<RegisteredRecords> directories;

    ChainReferences(ChainReader reader, ChainPort chain, CertificateVerifier verifier, @Any Instance<RegisteredRecords> directories) {
        this.reader = reader;
        this.chain = chain;
        this.verifier = verifier;
        this.directories = directories;
    }

    /**
     * Resolves a written reference; {@code suppliedProof} may carry the inclusion proof of another
     * service's record. Problems: 400 for a malformed reference, 404 when the chain or this service
     * holds nothing under it, 409 while it is not yet anchored or mined, 422 when its proof does not
     * hold, 503 when the chain cannot be asked.
     */
    public Resolved resolve(String reference, InclusionProof suppliedProof) {
        String given = reference == null ? "" : reference.strip();
        var event = EVENT.matcher(given);
        if (event.matches()) {
            String tx = event.group(1).toLowerCase(Locale.ROOT);
            Long log = event.group(2) == null ? null : Long.parseLong(event.group(2));
            return event("event:" + tx + (log == null ? "" : ":" + log), tx, log); // normalised: one reference, one spelling
        }
        String digest = digestOf(given).orElseThrow(() -> new ProblemException(Response.Status.BAD_REQUEST,
                "'" + abbreviate(given) + "' is not a reference: " + GRAMMAR));
        return anchored("anchor:" + digest, digest, suppliedProof);
    }

    /**
     * Resolves a record by the certificate (PDF) or evidence package (ZIP) another service issued for
     * it: the certificate must verify VALID (signature, signer chain, time-stamp, record hash, proof
     * against the chain); its record and proof are then attached with the certificate itself.
     */
    public Resolved fromCertificate(String reference, byte[] document) {
        byte[] pdf = document;
        if (document.length > 4 && document[0] == 'P' && document[1] == 'K') {
            try {
                pdf = EvidencePackage.read(new ByteArrayInputStream(document)).certificate();
            } catch (IOException | RuntimeException e) {
                throw ProblemException.unprocessable("the ZIP file is not a readable evidence package: " + e.getMessage());
            }
            if (pdf == null) {
                throw ProblemException.unprocessable("the evidence package holds no certificate.pdf");
            }
        }
        var report = verifier.verify(pdf, null);
        if (report.verdict() != VerificationReport.Verdict.VALID) {
            String failed = report.checks().stream().filter(c -> c.outcome() != VerificationReport.Outcome.PASSED
                            && c.outcome() != VerificationReport.Outcome.SKIPPED)
                    .map(c -> c.label() + ": " + c.detail()).reduce((a, b) -> a + "; " + b).orElse("");
            if (report.verdict() == VerificationReport.Verdict.INDETERMINATE && failed.contains("unreachable")) {
                throw unreachable(null);
            }
            throw ProblemException.unprocessable("the certificate does not verify (" + report.verdict() + "): " + failed);
        }
        InclusionProof proof;
        JsonNode record;
        try {
            var files = CertificateVerifier.embeddedFiles(pdf);
            proof = CanonicalJson.MAPPER.readerFor(InclusionProof.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(files.get(CertificateRenderer.PROOF_FILE));
            record = CanonicalJson.MAPPER.readTree(files.get(CertificateRenderer.RECORD_FILE));
        } catch (IOException | RuntimeException e) {
            throw ProblemException.unprocessable("cannot read the certificate's record and proof: " + e.getMessage());
        }
        if (reference != null && !reference.isBlank()) {
            var named = resolveDigest(reference);
            if (!named.equals(proof.itemDigest())) {
                throw ProblemException.unprocessable("the certificate is for record " + proof.itemDigest() + ", not the referenced " + named);
            }
        }
        var summary = report.summary();
        var certificate = new CertificateCheck(HashAlgorithm.SHA256.hex(pdf), report.verdict().name(), summary == null ? null : summary.signer(),
                report.checks(), Base64.getEncoder().encodeToString(pdf));
        Instant anchoredAt = checkProof(proof);
        var item = new AnchoredItem(proof.itemDigest(), summary == null ? null : summary.recordTitle(), record.path("organisation").asText(null),
                null, proof, proof.root(), anchoredAt, record, certificate);
        return anchoredResolution("anchor:" + proof.itemDigest(), item, "certificate");
    }

    /** The record digest an anchor: reference or a verification URL names, lower case. */
    private static Optional<String> digestOf(String reference) {
        var anchor = ANCHOR.matcher(reference);
        var url = VERIFY_URL.matcher(reference);
        String digest = anchor.matches() ? anchor.group(1) : url.matches() ? url.group(1) : null;
        return Optional.ofNullable(digest).map(d -> d.toLowerCase(Locale.ROOT));
    }

    private static String resolveDigest(String reference) {
        return digestOf(reference.strip()).orElseThrow(() -> new ProblemException(Response.Status.BAD_REQUEST,
                "with a certificate, the reference names its record: anchor:<record digest> or …/verify?digest=<record digest> "
                        + "(or leave it empty)"));
    }

    private Resolved event(String reference, String txHash, Long logIndex) {
        TransactionOnChain tx;
        try {
            tx = reader.transaction(txHash);
        } catch (ChainUnavailableException e) {
            throw unreachable(e);
        }
        switch (tx.state()) {
            case UNKNOWN -> throw ProblemException.notFound("Transaction " + txHash + " on chain " + chainId());
            case PENDING -> throw new ProblemException(Response.Status.CONFLICT, "transaction " + txHash + " is not mined yet; attach its events once it is");
            case REVERTED -> throw ProblemException.unprocessable("transaction " + txHash + " reverted: it changed nothing and emitted no events");
            case MINED -> { }
        }
        if (tx.blockTime() == null) {
            throw new ProblemException(Response.Status.CONFLICT, "block " + tx.blockHash() + " of the transaction is no longer "
                    + "on the chain the node follows; try again");
        }
        var events = new ArrayList<EventEvidence>();
        boolean logFound = false;
        for (ContractEvent log : tx.logs()) {
            if (logIndex != null && log.logIndex() != logIndex) {
                continue;
            }
            logFound = true;
            if (log.contract() == null) {
                if (logIndex != null) {
                    throw ProblemException.unprocessable("log " + logIndex + " of " + txHash + " was emitted by " + log.address()
                            + ", which is not a contract of the suite (" + contractNames() + ")");
                }
                continue;
            }
            events.add(evidence(log, tx));
        }
        if (logIndex != null && !logFound) {
            throw ProblemException.notFound("Log " + logIndex + " of transaction " + txHash + " (its logs are "
                    + tx.logs().stream().map(ContractEvent::logIndex).toList() + ")");
        }
        if (events.isEmpty()) {
            throw ProblemException.unprocessable("transaction " + txHash + " emitted no event of a suite contract (" + contractNames() + ")");
        }
        var first = events.getFirst();
        String description = (events.size() == 1
                ? "链上事件 On-chain event " + first.contract() + "." + first.event()
                : events.size() + " 个链上事件 on-chain events " + events.stream().map(e -> e.contract() + "." + e.event()).distinct().toList())
                + ", 区块 block " + first.blockNumber() + ", " + first.blockTime();
        return new Resolved(FORMAT, reference, "event", chainId(), Instant.now().truncatedTo(ChronoUnit.SECONDS), description, List.copyOf(events),
                null, "Ask any node of the chain (eth_getTransactionReceipt) for transactionHash: the receipt's log at logIndex holds the "
                + "same address, topics and data, in block blockNumber whose hash is blockHash (eth_getBlockByNumber). topics[0] is "
                + "keccak256 of the event signature; indexed arguments are the further topics, the others are ABI-encoded in data.");
    }

    private static EventEvidence evidence(ContractEvent log, TransactionOnChain tx) {
        var arguments = log.arguments().stream().map(a -> new Argument(a.name(), a.type(), a.indexed(), a.text())).toList();
        return new EventEvidence(log.contract(), log.address(), log.event(), log.signature(), arguments, log.topics(), log.data(),
                log.logIndex(), tx.hash(), tx.transactionIndex(), tx.from(), tx.blockNumber(), tx.blockHash(), tx.blockTime());
    }

    private String contractNames() {
        return String.join(", ", reader.contracts().keySet());
    }

    private Resolved anchored(String reference, String digest, InclusionProof supplied) {
        if (supplied != null) {
            requireComplete(supplied);
            if (!digest.equals(supplied.itemDigest())) {
                throw ProblemException.unprocessable("the proof is for record " + supplied.itemDigest() + ", not the referenced " + digest);
            }
            Instant anchoredAt = checkProof(supplied);
            var item = new AnchoredItem(digest, null, null, null, supplied, supplied.root(), anchoredAt, null, null);
            return anchoredResolution(reference, item, "supplied proof");
        }
        for (var directory : directories) {
            Optional<RegisteredRecords.Registered> found = directory.byRecordDigest(digest);
            if (found.isPresent()) {
                var registered = found.get();
                var view = chain.notarisation(registered.notarisationItemId()).orElseThrow(() -> ProblemException.notFound("Notarisation item"));
                var proof = view.proof().filter(p -> view.confirmed()).orElseThrow(() -> new ProblemException(Response.Status.CONFLICT,
                        "record " + digest + " is not anchored yet (" + view.state() + "); attach it once its batch is confirmed"));
                Instant anchoredAt = checkProof(proof);
                var item = new AnchoredItem(digest, registered.title(), registered.organisation(), registered.registeredAt(), proof, proof.root(),
                        anchoredAt, null, null);
                return anchoredResolution(reference, item, "this service's records");
            }
        }
        throw ProblemException.notFound("Record " + digest + " in this service's records (a record of another service is attached with "
                + "its certificate, evidence package or proof JSON)");
    }

    /**
     * Checks a proof against the chain (the chain client's one check), for this suite's chain and
     * registries only; the anchoring time when it holds.
     */
    private Instant checkProof(InclusionProof proof) {
        requireComplete(proof);
        if (proof.chainId() != chainId()) {
            throw ProblemException.unprocessable("the proof is anchored on chain " + proof.chainId() + "; this suite's chain is " + chainId());
        }
        if (!reader.contracts().containsValue(proof.anchorRegistry().toLowerCase(Locale.ROOT))) {
            throw ProblemException.unprocessable("the proof names anchor registry " + proof.anchorRegistry() + ", not a contract of the suite");
        }
        var check = reader.checkProof(proof);
        return switch (check.outcome()) {
            case VALID -> check.anchoredAt();
            case UNKNOWN -> throw unreachable(null);
            case INVALID -> throw ProblemException.unprocessable(check.reason());
        };
    }

    private static void requireComplete(InclusionProof proof) {
        ProofCheck.malformedField(proof).ifPresent(field -> {
            throw new ProblemException(Response.Status.BAD_REQUEST, "proof." + field + " is missing or malformed (hashes are 64 lower-case "
                    + "hexadecimal characters; see docs/proofs.md)");
        });
    }

    private Resolved anchoredResolution(String reference, AnchoredItem item, String from) {
        String description = "链上存证 Anchored record " + (item.title() == null ? item.recordDigest().substring(0, 16) + "…" : item.title())
                + (item.organisation() == null ? "" : " (" + item.organisation() + ")") + ", 锚定 anchored " + item.anchoredAt()
                + " — " + from;
        return new Resolved(FORMAT, reference, "anchor", chainId(), Instant.now().truncatedTo(ChronoUnit.SECONDS), description, null, item,
                "Recompute the root from proof.itemDigest along proof.auditPath (RFC 9162, docs/hashing.md) and compare it with "
                        + "anchorOf(proof.batchId) of the AnchorRegistry at proof.anchorRegistry on chain proof.chainId; where a certificate "
                        + "is attached (certificate.pdfBase64), run ./verify-evidence on it or validate it with EU DSS.");
    }

    private long chainId() {
        try {
            return reader.chainId();
        } catch (ChainUnavailableException e) {
            throw unreachable(e);
        }
    }

    private static ProblemException unreachable(Exception cause) {
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "the chain node cannot be reached"
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + "; nothing was attached — try again shortly");
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}

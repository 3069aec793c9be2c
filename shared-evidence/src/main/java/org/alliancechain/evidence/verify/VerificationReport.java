package org.alliancechain.evidence.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What was checked, what passed and why not — the verifier's answer (never an exception for a
 * bad document). The verdict: {@code VALID} when every check passed; {@code MODIFIED} when the
 * signed document was changed afterwards (the signed revision may itself be fine); {@code INVALID}
 * when a signature, a hash or a proof does not hold; {@code INDETERMINATE} when something could not
 * be checked (the chain unreachable, an untrusted signer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(Verdict verdict, List<Check> checks, Summary summary) {

    public enum Verdict { VALID, MODIFIED, INVALID, INDETERMINATE }

    public enum Outcome { PASSED, FAILED, UNKNOWN, SKIPPED }

    /**
     * One check.
     *
     * @param id      stable identifier, e.g. {@code signature.integrity}
     * @param label   bilingual label shown to people
     * @param outcome what came out
     * @param detail  why, in plain words
     */
    public record Check(String id, String label, Outcome outcome, String detail) {
    }

    /** The facts a reader wants at a glance; null where unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String signer, Instant signedAt, Instant signatureTimestampAt, String level,
                          String recordTitle, String recordDigest, String transactionHash, Long blockNumber, Instant anchoredAt) {
    }

    /** The check with this id, if it was made. */
    public java.util.Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A plain-text rendering for people (also what the offline verifier prints). */
    public String toText() {
        var out = new StringBuilder();
        out.append(switch (verdict) {
            case VALID -> "有效 VALID — every check passed";
            case MODIFIED -> "已被修改 MODIFIED — the document was changed after it was signed";
            case INVALID -> "无效 INVALID — at least one check failed";
            case INDETERMINATE -> "无法确定 INDETERMINATE — some checks could not be made";
        }).append('\n');
        if (summary != null) {
            line(out, "Signed by", summary.signer());
            line(out, "Signed at (signature time-stamp)", summary.signatureTimestampAt() == null ? null : summary.signatureTimestampAt().toString());
            line(out, "PAdES level", summary.level());
            line(out, "Record", summary.recordTitle());
            line(out, "Record digest", summary.recordDigest());
            line(out, "Anchoring transaction", summary.transactionHash());
            line(out, "Block", summary.blockNumber() == null ? null : summary.blockNumber() + " at " + summary.anchoredAt());
        }
        for (var check : checks) {
            out.append(switch (check.outcome()) {
                case PASSED -> "  ✓ ";
                case FAILED -> "  ✗ ";
                case UNKNOWN -> "  ? ";
                case SKIPPED -> "  - ";
            }).append(check.label()).append(": ").append(check.detail()).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append("  ").append(label).append(": ").append(value).append('\n');
        }
    }

    /** Collects checks, then decides the verdict. */
    static final class Builder {
        private final List<Check> checks = new ArrayList<>();
        private boolean modified;

        Builder add(String id, String label, Outcome outcome, String detail) {
            checks.add(new Check(id, label, outcome, detail));
            return this;
        }

        Builder passed(String id, String label, String detail) {
            return add(id, label, Outcome.PASSED, detail);
        }

        Builder failed(String id, String label, String detail) {
            return add(id, label, Outcome.FAILED, detail);
        }

        void markModified() {
            modified = true;
        }

        VerificationReport build(Summary summary) {
            boolean failed = checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED && !c.id().equals(VerifierChecks.MODIFICATIONS));
            boolean unknown = checks.stream().anyMatch(c -> c.outcome() == Outcome.UNKNOWN);
            Verdict verdict = failed ? Verdict.INVALID : modified ? Verdict.MODIFIED : unknown ? Verdict.INDETERMINATE : Verdict.VALID;
            return new VerificationReport(verdict, List.copyOf(checks), summary);
        }
    }
}

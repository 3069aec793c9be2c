package org.alliancechain.odr.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A case's steps on chain, in CaseRegistry. Each step is signed by the organisation taking it (the
 * claimant files and withdraws; the commission accepts, rejects, opens the evidence period and the
 * hearing, issues the award, records its service and closes) and is sent only after the case's
 * previous step is confirmed, so the chain sees them in order whoever signs.
 */
@ApplicationScoped
public class CaseChain {

    /** ICaseRegistry.ServiceKind. */
    public enum ServiceKind { MADE_AVAILABLE, OPENED }


    private final ChainPort chain;
    private final String registry;

    CaseChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.case-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    /** A member's id on chain: keccak256 of its alias (as MemberRegistry admits it). */
    public static byte[] memberId(String alias) {
        return ChainIds.memberId(alias);
    }

    /** A case's id on chain: keccak256 of its case number (the one scheme, also for cases other apps file). */
    public static byte[] caseId(String caseNumber) {
        return ChainIds.caseId(caseNumber);
    }

    /** A reason's hash on chain: SHA-256 of its UTF-8 text (the text stays with the commission and the parties). */
    public static byte[] textHash(String text) {
        return org.alliancechain.evidence.HashAlgorithm.SHA256.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    public long file(OdrCase c) {
        return step(c, c.claimant, call("fileCase(bytes32,bytes32,bytes32,bytes32)", "case-filed",
                c.chainCaseId, memberId(c.commission), memberId(c.respondent), c.record.digestBytes()));
    }

    public long accept(OdrCase c) {
        return step(c, c.commission, call("accept(bytes32)", "case-accepted", c.chainCaseId));
    }

    public long reject(OdrCase c, String reason) {
        return step(c, c.commission, call("reject(bytes32,bytes32)", "case-rejected", c.chainCaseId, textHash(reason)));
    }

    public long openEvidence(OdrCase c) {
        return step(c, c.commission, call("openEvidence(bytes32)", "evidence-opened", c.chainCaseId));
    }

    public long openHearing(OdrCase c) {
        return step(c, c.commission, call("openHearing(bytes32)", "hearing-opened", c.chainCaseId));
    }

    public long issueAward(OdrCase c, byte[] awardHash) {
        return step(c, c.commission, call("issueAward(bytes32,bytes32)", "award-issued", c.chainCaseId, awardHash));
    }

    public long recordService(OdrCase c, String party, ServiceKind kind) {
        return step(c, c.commission, call("recordService(bytes32,bytes32,uint8)",
                kind == ServiceKind.MADE_AVAILABLE ? "award-made-available" : "award-opened",
                c.chainCaseId, memberId(party), BigInteger.valueOf(kind.ordinal())));
    }

    public long close(OdrCase c) {
        return step(c, c.commission, call("close(bytes32)", "case-closed", c.chainCaseId));
    }

    public long withdraw(OdrCase c, String reason) {
        return step(c, c.claimant, call("withdraw(bytes32,bytes32)", "case-withdrawn", c.chainCaseId, textHash(reason)));
    }

    private ContractCall call(String function, String purpose, Object... arguments) {
        return ContractCall.of(registry, function, arguments).withPurpose(purpose);
    }

    private long step(OdrCase c, String organisation, ContractCall call) {
        long id = c.lastChainTxId == null ? chain.submit(organisation, call) : chain.submitAfter(c.lastChainTxId, organisation, call);
        c.lastChainTxId = id;
        return id;
    }

    public String registry() {
        return registry;
    }
}

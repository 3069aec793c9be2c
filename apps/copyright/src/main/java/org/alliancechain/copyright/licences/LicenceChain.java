package org.alliancechain.copyright.licences;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ContractCall;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Licences in LicenceRegistry, signed by the licensor; and its "as of a block" answer. */
@ApplicationScoped
public class LicenceChain {

    /** LicenceRegistry's "no end". */
    static final BigInteger NO_END = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    private final ChainPort chain;
    private final ChainReader reader;
    private final String registry;

    LicenceChain(ChainPort chain, ChainReader reader, @ConfigProperty(name = "chain.contracts.licence-registry") String registry) {
        this.chain = chain;
        this.reader = reader;
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }

    public long grant(Licence licence, byte[] work) {
        var call = ContractCall.of(registry, "grant(bytes32,bytes32,bytes32,uint32,bytes32,uint64,uint64,bytes32)", licence.chainLicenceId,
                work, ChainIds.memberId(licence.licensee), BigInteger.valueOf(licence.uses), territory(licence.territory),
                seconds(licence.validFrom), licence.validUntil == null ? NO_END : seconds(licence.validUntil), licence.record.digestBytes())
                .withPurpose("licence-granted");
        return chain.submit(licence.organisation, call);
    }

    /** Revokes from {@code effectiveAt} (null: the time of the block that records it), after the grant's write. */
    public long revoke(Licence licence, Instant effectiveAt) {
        var call = ContractCall.of(registry, "revoke(bytes32,uint64)", licence.chainLicenceId,
                effectiveAt == null ? BigInteger.ZERO : seconds(effectiveAt)).withPurpose("licence-revoked");
        return chain.submitAfter(licence.chainTxId, licence.organisation, call);
    }

    /** The latest block's number: what "as of now" means. */
    public long latestBlock() {
        return reader.latestBlockNumber();
    }

    /**
     * The licence that covered the use as the chain knew it at {@code asOfBlock}; empty when none did. Asked of the latest
     * state: LicenceRegistry keeps each licence's grant and revocation blocks and answers for any earlier block itself
     * (ADR 0021), so no archive node is needed — a Besu node keeps the state of its last few hundred blocks only.
     */
    public java.util.Optional<byte[]> licenceAt(String licensee, byte[] work, int use, String territory, Instant time, long asOfBlock) {
        List<Object> answer = reader.view(ContractCall.of(registry, "licenceAt(bytes32,bytes32,uint32,bytes32,uint64,uint256)",
                ChainIds.memberId(licensee), work, BigInteger.valueOf(use), territory(territory), seconds(time),
                BigInteger.valueOf(asOfBlock)), "bool,bytes32", null);
        if (answer.isEmpty() || !Boolean.TRUE.equals(answer.get(0))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((byte[]) answer.get(1));
    }

    /** The (work, licensee) key's hash-chain head and event count as of a block (LicenceRegistry.headAt): what an outsider checks the key's events against. */
    public record Head(String head, long events) {
    }

    public Head headAt(byte[] work, String licensee, long asOfBlock) {
        List<Object> answer = reader.view(ContractCall.of(registry, "headAt(bytes32,bytes32,uint256)", work, ChainIds.memberId(licensee),
                BigInteger.valueOf(asOfBlock)), "bytes32,uint256", null);
        if (answer.isEmpty()) {
            return new Head("0x" + "0".repeat(64), 0);
        }
        return new Head("0x" + java.util.HexFormat.of().formatHex((byte[]) answer.get(0)), ((BigInteger) answer.get(1)).longValueExact());
    }

    static byte[] territory(String code) {
        byte[] word = new byte[32];
        byte[] ascii = code.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, word, 0, ascii.length);
        return word;
    }

    private static BigInteger seconds(Instant time) {
        return BigInteger.valueOf(time.getEpochSecond());
    }
}

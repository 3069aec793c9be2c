package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.AnchorLookup;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.chain.api.ConsortiumMember;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.ContractEvent;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.chain.api.ProofCheck;
import org.alliancechain.chain.api.TransactionOnChain;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** {@link ChainReader} over the service's node connection. */
@ApplicationScoped
public class NodeChainReader implements ChainReader {

    private final Web3j web3j;
    private final ChainConfig config;
    private final ContractCatalogue catalogue;
    private final NodeInfo node;
    private final AnchorLookup anchors;

    NodeChainReader(Web3j web3j, ChainConfig config, ContractCatalogue catalogue, NodeInfo node, AnchorLookup anchors) {
        this.web3j = web3j;
        this.config = config;
        this.catalogue = catalogue;
        this.node = node;
        this.anchors = anchors;
    }

    @Override
    public ConsortiumMember member(String alias) {
        byte[] memberId = ChainIds.memberId(alias);
        String registry = config.contracts().memberRegistry();
        // Status and roles in one JSON-RPC batch: one round trip per member.
        var batch = web3j.newBatch()
                .add(call(registry, ContractCall.of(registry, "memberStatus(bytes32)", (Object) memberId)))
                .add(call(registry, ContractCall.of(registry, "memberRoles(bytes32)", (Object) memberId)));
        var replies = read(() -> Rpc.send(batch).getResponses(), "the consortium's members");
        if (replies.size() != 2 || replies.stream().anyMatch(Response::hasError)) {
            throw new IllegalStateException("MemberRegistry at " + registry + " did not answer memberStatus/memberRoles: "
                    + replies.stream().filter(Response::hasError).map(r -> r.getError().getMessage()).toList());
        }
        var status = decode(((EthCall) replies.get(0)).getValue(), new TypeReference<Uint8>() { });
        var roleIds = decode(((EthCall) replies.get(1)).getValue(), new TypeReference<DynamicArray<Bytes32>>() { });
        if (status == null || roleIds == null) {
            throw new IllegalStateException("MemberRegistry at " + registry + " returned nothing for memberStatus/memberRoles");
        }
        var roles = EnumSet.noneOf(ConsortiumRole.class);
        for (Object role : ((DynamicArray<?>) roleIds).getValue()) {
            ConsortiumRole.byId(((Bytes32) role).getValue()).ifPresent(roles::add);
        }
        var statuses = ConsortiumMember.Status.values();
        int ordinal = ((BigInteger) status.getValue()).intValueExact();
        return new ConsortiumMember(alias, ChainIds.hex(memberId), ordinal < statuses.length ? statuses[ordinal] : ConsortiumMember.Status.NONE,
                roles);
    }

    @Override
    public List<ContractEvent> eventsOf(String contract, byte[] objectId) {
        if (objectId == null || objectId.length != 32) {
            throw new IllegalArgumentException("an object id on chain is 32 bytes");
        }
        var address = catalogue.named(contract).address();
        var filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address);
        filter.addNullTopic(); // any event of the contract ...
        filter.addSingleTopic(ChainIds.hex(objectId)); // ... whose first indexed argument is the object
        EthLog reply = read(() -> Rpc.send(web3j.ethGetLogs(filter)), "the events of " + contract);
        if (reply.hasError()) {
            throw new IllegalStateException("the node refused eth_getLogs for " + contract + ": " + reply.getError().getMessage());
        }
        var events = new ArrayList<ContractEvent>();
        for (EthLog.LogResult<?> result : reply.getLogs()) {
            if (result.get() instanceof Log log && !log.isRemoved()) {
                events.add(catalogue.decode(log));
            }
        }
        events.sort(Comparator.comparingLong(ContractEvent::blockNumber).thenComparingLong(ContractEvent::logIndex));
        return List.copyOf(events);
    }

    @Override
    public TransactionOnChain transaction(String hash) {
        TransactionReceipt receipt = read(() -> Rpc.send(web3j.ethGetTransactionReceipt(hash)), "transaction " + hash)
                .getTransactionReceipt().orElse(null);
        if (receipt == null) {
            boolean known = read(() -> Rpc.send(web3j.ethGetTransactionByHash(hash)), "transaction " + hash).getTransaction().isPresent();
            return new TransactionOnChain(hash, known ? TransactionOnChain.State.PENDING : TransactionOnChain.State.UNKNOWN,
                    null, null, null, null, null, List.of());
        }
        var block = read(() -> Rpc.send(web3j.ethGetBlockByHash(receipt.getBlockHash(), false)), "block " + receipt.getBlockHash()).getBlock();
        Instant blockTime = block == null ? null : Instant.ofEpochSecond(Quantities.of(block.getTimestampRaw(), "a block's time"));
        boolean ok = Quantities.succeeded(receipt.getStatus());
        return new TransactionOnChain(receipt.getTransactionHash(), ok ? TransactionOnChain.State.MINED : TransactionOnChain.State.REVERTED,
                receipt.getFrom() == null ? null : receipt.getFrom().toLowerCase(java.util.Locale.ROOT), Quantities.of(receipt.getBlockNumberRaw(), "a receipt's block number"),
                receipt.getBlockHash(), blockTime, Quantities.of(receipt.getTransactionIndexRaw(), "a receipt's transaction index"),
                ok ? receipt.getLogs().stream().map(catalogue::decode).toList() : List.of());
    }

    @Override
    public Map<String, String> contracts() {
        return catalogue.addresses();
    }

    @Override
    public java.time.Instant latestBlockTime() {
        var block = read(() -> Rpc.send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)), "the latest block").getBlock();
        return java.time.Instant.ofEpochSecond(Quantities.of(block.getTimestampRaw(), "a block's time"));
    }

    @Override
    public long latestBlockNumber() {
        return Quantities.blockNumber(read(() -> Rpc.send(web3j.ethBlockNumber()), "the latest block number"));
    }

    @Override
    public long chainId() {
        return read(node::chainId, "the chain id");
    }

    @Override
    public ProofCheck checkProof(InclusionProof proof) {
        return ProofCheck.of(proof, anchors);
    }

    @Override
    public List<Object> view(ContractCall call, String returns, Long atBlock) {
        var block = atBlock == null ? DefaultBlockParameterName.LATEST
                : org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(atBlock));
        EthCall reply = read(() -> Rpc.send(web3j.ethCall(Transaction.createEthCallTransaction(null, call.contract(), AbiCodec.encode(call)),
                block)), "a view of " + call.contract());
        if (reply.hasError() || reply.isReverted()) {
            String data = reply.getError() != null && reply.getError().getData() != null ? reply.getError().getData().replace("\"", "")
                    : reply.getRevertReason();
            throw new org.alliancechain.chain.api.ChainCallRevertedException(call.function() + " "
                    + (data != null && data.startsWith("0x") ? AbiCodec.describeRevert(data)
                    : reply.getError() != null ? reply.getError().getMessage() : "reverted"));
        }
        String value = reply.getValue();
        if (value == null || value.equals("0x")) {
            return List.of(); // no code at that address in that block (e.g. a contract deployed later)
        }
        return AbiCodec.decodeOutputs(returns, value);
    }

    private org.web3j.protocol.core.Request<?, EthCall> call(String contract, ContractCall call) {
        return web3j.ethCall(Transaction.createEthCallTransaction(null, contract, AbiCodec.encode(call)), DefaultBlockParameterName.LATEST);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Type<?> decode(String value, TypeReference<?> type) {
        List<Type> decoded = FunctionReturnDecoder.decode(value, (List) List.of(type));
        return decoded.isEmpty() ? null : decoded.getFirst();
    }

    private static <T> T read(java.util.function.Supplier<T> read, String what) {
        try {
            return read.get();
        } catch (NodeUnavailableException e) {
            throw new ChainUnavailableException("the chain node cannot be reached to read " + what + ": " + e.getMessage(), e);
        }
    }
}

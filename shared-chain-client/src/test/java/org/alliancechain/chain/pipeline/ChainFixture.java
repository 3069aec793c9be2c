package org.alliancechain.chain.pipeline;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.testsupport.ChainTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/** What the chain-client tests do again and again: queue writes, read the outbox, read the chain directly. */
@ApplicationScoped
public class ChainFixture {

    static final String ANCHOR = "anchor(bytes32,bytes32,uint32)";
    static final String ROOT_ANCHORED = Hash.sha3String("RootAnchored(bytes32,bytes32,bytes32,uint32,uint64)");
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "chain.contracts.anchor-registry")
    String anchorRegistry;

    private final ChainPort chain;
    private final DataSource dataSource;

    ChainFixture(ChainPort chain, DataSource dataSource) {
        this.chain = chain;
        this.dataSource = dataSource;
    }

    /** Queues one anchor call per random batch id, each in its own transaction; returns the batch ids. */
    public List<byte[]> submitAnchors(int count) {
        List<byte[]> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(submitAnchor());
        }
        return ids;
    }

    public String anchorRegistry() {
        return anchorRegistry;
    }

    @Transactional
    public byte[] submitAnchor() {
        byte[] id = random32();
        chain.submit(ContractCall.of(anchorRegistry, ANCHOR, id, random32(), 1).withPurpose("test-anchor"));
        return id;
    }

    @Transactional
    public long submit(ContractCall call) {
        return chain.submit(call);
    }

    /** Counts outbox rows by status. */
    public Map<String, Long> statusCounts() {
        return query("select status, count(*) from chain_transaction group by status", rs -> {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        });
    }

    public long count(String status) {
        return statusCounts().getOrDefault(status, 0L);
    }

    /** Waits until nothing is PENDING or SUBMITTED. */
    public void awaitSettled(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> count("PENDING") + count("SUBMITTED") == 0);
    }

    /** RootAnchored events per batch id, read from the node with eth_getLogs. */
    public Map<String, Integer> anchoredOnChain() {
        Map<String, Integer> counts = new HashMap<>();
        for (Log log : logs(0)) {
            counts.merge(log.getTopics().get(1), 1, Integer::sum);
        }
        return counts;
    }

    public List<Log> logs(long fromBlock) {
        var web3j = Web3j.build(new HttpService(ChainTestResource.stack().contracts().rpcUrl()));
        try {
            var filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                    DefaultBlockParameterName.LATEST, anchorRegistry);
            filter.addSingleTopic(ROOT_ANCHORED);
            List<Log> logs = new ArrayList<>();
            for (EthLog.LogResult<?> r : web3j.ethGetLogs(filter).send().getLogs()) {
                logs.add((Log) r.get());
            }
            return logs;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            web3j.shutdown();
        }
    }

    public static String topic(byte[] id) {
        return "0x" + HexFormat.of().formatHex(id);
    }

    public static byte[] random32() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Runs SQL with a result mapper, outside any transaction. */
    public <T> T query(String sql, SqlMapper<T> mapper) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return mapper.map(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a number. */
    public long scalar(String sql) {
        return query(sql, rs -> rs.next() ? rs.getLong(1) : -1L);
    }

    /** The first column of the first row, as text (null when there is no row). */
    public String text(String sql) {
        return query(sql, rs -> rs.next() ? rs.getString(1) : null);
    }

    public void execute(String sql) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public interface SqlMapper<T> {
        T map(java.sql.ResultSet rs) throws SQLException;
    }
}

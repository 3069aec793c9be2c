package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;

/** Checkpoints of the event indexer, committed in the same transaction as the handlers' projection. */
@ApplicationScoped
public class IndexerStore {

    /** Log index meaning "every log of this block is applied". */
    static final int BLOCK_DONE = Integer.MAX_VALUE;

    record Checkpoint(long block, int logIndex) {
    }

    private final DataSource dataSource;
    private final FaultHooks faults;

    IndexerStore(DataSource dataSource, FaultHooks faults) {
        this.dataSource = dataSource;
        this.faults = faults;
    }

    @Transactional
    public Optional<Checkpoint> checkpoint(String stream) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select block_number, log_index from chain_checkpoint where stream = ?")) {
            s.setString(1, stream);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Checkpoint(rs.getLong(1), rs.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Applies the events and moves the checkpoint, atomically. */
    @Transactional
    public void apply(ChainEventHandler handler, List<ChainEvent> events, Checkpoint to) {
        if (handler.handlesInBulk() && !events.isEmpty()) {
            handler.handleAll(events);
            faults.reached(FaultHooks.Point.INDEXER_MID_CHUNK);
            save(handler.stream(), to.block(), to.logIndex());
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            handler.handle(events.get(i));
            if (i == events.size() / 2) {
                faults.reached(FaultHooks.Point.INDEXER_MID_CHUNK);
            }
        }
        save(handler.stream(), to.block(), to.logIndex());
    }

    /** Backfill: the stream will read again from {@code block}. */
    @Transactional
    public void rewind(String stream, long block) {
        save(stream, block - 1, BLOCK_DONE);
    }

    private void save(String stream, long block, int logIndex) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     insert into chain_checkpoint (stream, block_number, log_index, updated_at) values (?, ?, ?, now())
                     on conflict (stream) do update set block_number = excluded.block_number,
                            log_index = excluded.log_index, updated_at = now()""")) {
            s.setString(1, stream);
            s.setLong(2, block);
            s.setInt(3, logIndex);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

-- The relay's per-round look-ups read small partial indexes, so that their cost does not depend on
-- the planner's statistics of a table that just grew by thousands of rows (before autovacuum has
-- analysed it, a self-join on after_id was planned as every pending row against every row and
-- stalled signing for up to two minutes).
-- Writes waiting for the write they follow: the followers of a failed write are found here.
create index chain_transaction_waiting_idx on chain_transaction (after_id) where status = 'PENDING' and after_id is not null;
-- Submitted writes in id order: the settle round reads the oldest of them.
create index chain_transaction_submitted_idx on chain_transaction (id) where status = 'SUBMITTED';

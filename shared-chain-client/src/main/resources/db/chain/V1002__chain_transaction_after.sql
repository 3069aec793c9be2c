-- A write that must follow another one (possibly signed by another key): it is signed and sent only
-- once that one is confirmed, and fails without being sent when that one fails. Apps use it to keep
-- the steps of one on-chain object in order across organisations (e.g. a case filed by a claimant,
-- then accepted by the commission).
alter table chain_transaction add column after_id bigint references chain_transaction (id);
create index chain_transaction_after_idx on chain_transaction (after_id) where after_id is not null;

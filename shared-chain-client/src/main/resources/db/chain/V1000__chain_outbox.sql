-- Outbox of chain writes, shared by every app (Flyway location db/chain).
-- A row is inserted in the same local transaction as the business row that needs it.
create table chain_transaction (
    id               bigserial primary key,
    purpose          varchar(80)  not null,
    signer           varchar(42)  not null,
    to_address       varchar(42)  not null,
    call_data        bytea        not null,
    status           varchar(16)  not null,
    nonce            bigint,
    tx_hash          varchar(66),
    raw_tx           bytea,
    block_number     bigint,
    failure_reason   text,
    broadcasts       integer      not null default 0,
    created_at       timestamptz  not null,
    submitted_at     timestamptz,
    last_broadcast_at timestamptz,
    confirmed_at     timestamptz,
    constraint chain_transaction_nonce_unique unique (signer, nonce)
);
create index chain_transaction_status_idx on chain_transaction (status, id);

-- The nonce authority: one row per signing key, taken under a row lock.
create table chain_nonce (
    signer     varchar(42) primary key,
    next_nonce bigint      not null
);

-- The chain client's tables, shared by every app (Flyway location db/chain).

-- Outbox of chain writes. A row is inserted in the same local transaction as the business row
-- that needs it; the relay signs it (storing raw transaction and hash before any broadcast),
-- sends it, and settles it from its receipt.
create table chain_transaction (
    id                bigserial primary key,
    purpose           varchar(80)  not null,
    signer            varchar(42)  not null,
    to_address        varchar(42)  not null,
    call_data         bytea        not null,
    status            varchar(16)  not null,
    nonce             bigint,
    tx_hash           varchar(66),
    raw_tx            bytea,
    block_number      bigint,
    failure_reason    text,
    broadcasts        integer      not null default 0,
    created_at        timestamptz  not null,
    submitted_at      timestamptz,
    last_broadcast_at timestamptz,
    confirmed_at      timestamptz,
    constraint chain_transaction_nonce_unique unique (signer, nonce)
);
create index chain_transaction_open_idx on chain_transaction (signer, status, id)
    where status in ('PENDING', 'SUBMITTED');
create index chain_transaction_hash_idx on chain_transaction (tx_hash);

-- The nonce authority: one row per signing key, taken under a row lock.
create table chain_nonce (
    signer     varchar(42) primary key,
    next_nonce bigint      not null
);

-- Notarisation: items are batched into Merkle trees whose roots are anchored on chain.
create table notarisation_batch (
    id          bigserial primary key,
    batch_key   bytea       not null unique,
    root        bytea       not null,
    size        integer     not null,
    leaves      bytea       not null,
    chain_tx_id bigint      not null references chain_transaction (id),
    created_at  timestamptz not null
);

create table notarisation_item (
    id          bigserial primary key,
    item_digest bytea       not null,
    batch_id    bigint      references notarisation_batch (id),
    leaf_index  integer,
    created_at  timestamptz not null
);
create index notarisation_item_unbatched_idx on notarisation_item (id) where batch_id is null;
create index notarisation_item_batch_idx on notarisation_item (batch_id);

-- Event indexer checkpoints: the last applied log of each stream, committed with its projection.
create table chain_checkpoint (
    stream       varchar(120) primary key,
    block_number bigint       not null,
    log_index    integer      not null,
    updated_at   timestamptz  not null
);

-- Supply finance (apps/supply-finance): the invoices InvoiceRegistry holds as this service sees them
-- through the chain, receivable certificates confirmed by core enterprises, their parts and history.

-- An invoice as InvoiceRegistry's events describe it (never its content: the number is known only
-- where a core enterprise named it when confirming). Projected by the indexer, so a certificate's
-- backing can be checked and shown without asking the e-invoice service.
create table sf_invoice (
    invoice_id        bytea        primary key,
    kind              smallint     not null,
    seller_member     bytea        not null,
    buyer_member      bytea        not null,
    total_cents       bigint       not null,
    remaining_cents   bigint       not null,
    issue_date        date         not null,
    reimbursed        boolean      not null default false,
    pledged_cents     bigint       not null default 0,
    issued_block      bigint       not null
);
create index sf_invoice_parties on sf_invoice (buyer_member, seller_member);

-- A payable a core enterprise confirmed to a tier-1 supplier: one ERC-3525 slot in ReceivableRegistry.
create table sf_certificate (
    id                   bigserial    primary key,
    number               varchar(24)  not null unique,
    confirmation_id      bytea        not null unique,
    core                 varchar(64)  not null,
    supplier             varchar(64)  not null,
    face_cents           bigint       not null,
    maturity             date         not null,
    payment_date         date         not null,
    long_tenor           boolean      not null,
    sme                  boolean      not null,
    delivery_date        date,
    po_number            varchar(64)  not null,
    status               varchar(16)  not null,
    slot                 numeric(78)  ,
    root_part_id         bigint,
    settled_cents        bigint       not null default 0,
    reduced_cents        bigint       not null default 0,
    chain_refusal        text,
    record_json          text         not null,
    record_digest        varchar(64)  not null,
    timestamp_token      bytea,
    notarisation_item_id bigint,
    chain_tx_id          bigint,
    confirmed_by         varchar(100) not null,
    confirmed_at         timestamptz  not null
);
create index sf_certificate_core on sf_certificate (core, maturity);
create index sf_certificate_supplier on sf_certificate (supplier);

-- The invoices behind a certificate, in the order the registry pledges them.
create table sf_certificate_invoice (
    certificate_id  bigint      not null references sf_certificate (id),
    position        smallint    not null,
    invoice_id      bytea       not null,
    kind            varchar(24) not null,
    number          varchar(20) not null,
    primary key (certificate_id, position),
    unique (invoice_id)
);

-- A part (token id) of a certificate, as the registry's events left it.
create table sf_part (
    part_id          bigint       primary key,
    certificate_id   bigint       references sf_certificate (id),
    parent_id        bigint,
    depth            smallint     not null default 0,
    holder           varchar(64),
    holder_account   varchar(42),
    value_cents      bigint       not null,
    state            varchar(20)  not null,
    recipient        varchar(64),
    splitter         varchar(64),
    expires_at       timestamptz,
    last_chain_tx_id bigint,
    expiry_queued    boolean      not null default false,
    updated_block    bigint       not null
);
create index sf_part_recipient on sf_part (recipient) where recipient is not null;
create index sf_part_certificate on sf_part (certificate_id);
create index sf_part_holder on sf_part (holder, state);

-- What happened to a certificate, from the chain: confirmation, splits, offers, financing, settlement.
create table sf_history (
    id              bigserial    primary key,
    certificate_id  bigint       not null references sf_certificate (id),
    part_id         bigint,
    kind            varchar(32)  not null,
    actor           varchar(64),
    counterparty    varchar(64),
    amount_cents    bigint,
    detail          text,
    tx_hash         varchar(66)  not null,
    block_number    bigint       not null,
    log_index       integer      not null,
    at              timestamptz  not null,
    unique (tx_hash, log_index)
);
create index sf_history_certificate on sf_history (certificate_id, block_number, log_index);

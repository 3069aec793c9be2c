-- E-invoice (apps/e-invoice): taxpayers and issuers of the bureaus, invoices, their marks as the chain decided.

-- A member organisation registered as a taxpayer by the tax bureau of its province: the link
-- between a unified social credit code (what an invoice names) and a member (who receives it).
create table einv_taxpayer (
    id              bigserial primary key,
    organisation    varchar(64)  not null unique,
    tax_id          varchar(18)  not null unique,
    name            varchar(200) not null,
    province        varchar(2)   not null,
    bureau          varchar(64)  not null,
    registered_by   varchar(100) not null,
    registered_at   timestamptz  not null
);

-- A taxpayer authorised by its bureau to issue: kinds, quota, suspension; mirrored in InvoiceRegistry.
create table einv_issuer (
    id                bigserial primary key,
    organisation      varchar(64)   not null unique references einv_taxpayer (organisation),
    bureau            varchar(64)   not null,
    kinds             integer       not null,
    quota             numeric(18,2) not null,
    used              numeric(18,2) not null default 0,
    status            varchar(16)   not null,
    suspension_reason text,
    last_chain_tx_id  bigint,
    authorised_at     timestamptz   not null,
    updated_at        timestamptz   not null
);

-- Each change of an issuer (authorised, limits, suspended, reinstated) with its chain write.
create table einv_issuer_change (
    id           bigserial primary key,
    issuer_id    bigint       not null references einv_issuer (id),
    change       varchar(24)  not null,
    detail       text,
    chain_tx_id  bigint,
    changed_by   varchar(100) not null,
    changed_at   timestamptz  not null
);
create index einv_issuer_change_issuer on einv_issuer_change (issuer_id, id);

create table einv_invoice (
    id                   bigserial primary key,
    kind                 varchar(24)   not null,
    number               varchar(20)   not null,
    chain_invoice_id     bytea         not null unique,
    issue_date           date          not null,
    seller               varchar(64)   not null,
    seller_tax_id        varchar(18)   not null,
    seller_name          varchar(200)  not null,
    buyer                varchar(64)   not null,
    buyer_tax_id         varchar(18)   not null,
    buyer_name           varchar(200)  not null,
    currency             varchar(3)    not null,
    total_excl_tax       numeric(18,2) not null,
    total_tax            numeric(18,2) not null,
    total                numeric(18,2) not null,
    remaining            numeric(18,2) not null,
    red                  boolean       not null default false,
    blue_id              bigint        references einv_invoice (id),
    red_reason           varchar(2),
    lines                text          not null,
    note                 text,
    record_json          text          not null,
    record_digest        varchar(64)   not null,
    timestamp_token      bytea,
    notarisation_item_id bigint,
    chain_tx_id          bigint,
    chain_refusal        varchar(40),
    issued_by            varchar(100)  not null,
    issued_at            timestamptz   not null,
    booked_by            varchar(64),
    booked_mark          varchar(32),
    booked_at            timestamptz,
    reimbursed_by        varchar(64),
    reimbursed_at        timestamptz,
    pledged              boolean       not null default false,
    unique (kind, number)
);
create index einv_invoice_seller on einv_invoice (seller, id desc);
create index einv_invoice_buyer on einv_invoice (buyer, id desc);
create index einv_invoice_number on einv_invoice (number);

-- A member's request to book or reimburse an invoice, and what the chain decided (the chain is the
-- judge across organisations: another member's instance may have got there first).
create table einv_claim (
    id             bigserial primary key,
    invoice_id     bigint       not null references einv_invoice (id),
    organisation   varchar(64)  not null,
    kind           varchar(32)  not null,
    status         varchar(16)  not null,
    refusal        varchar(40),
    holder         varchar(64),
    holder_at      timestamptz,
    reference      varchar(200),
    chain_tx_id    bigint,
    requested_by   varchar(100) not null,
    requested_at   timestamptz  not null,
    decided_at     timestamptz
);
create index einv_claim_invoice on einv_claim (invoice_id);
create index einv_claim_org on einv_claim (organisation, id desc);
create index einv_claim_tx on einv_claim (chain_tx_id);

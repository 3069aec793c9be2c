-- Financing of receivable parts: a holder's request, banks' quotes (priced on chain in FinancingQuotes),
-- the accepted one with its invoice pledges, the bank's payment.

create table sf_financing (
    id                 bigserial    primary key,
    financing_id       bytea        not null unique,
    certificate_id     bigint       not null references sf_certificate (id),
    part_id            bigint       not null,
    holder             varchar(64)  not null,
    value_cents        bigint       not null,
    status             varchar(16)  not null,
    bank               varchar(64),
    quote_id           bytea,
    recourse           boolean,
    registered_at      timestamptz,
    bank_part_id       bigint,
    payment_reference  varchar(100),
    crc_registration   varchar(100),
    pledged            text,
    chain_tx_id        bigint,
    last_chain_tx_id   bigint,
    requested_by       varchar(100) not null,
    requested_at       timestamptz  not null
);
create index sf_financing_status on sf_financing (status);
create index sf_financing_holder on sf_financing (holder);

create table sf_quote (
    id               bigserial    primary key,
    quote_id         bytea        not null unique,
    financing_id     bigint       not null references sf_financing (id),
    bank             varchar(64)  not null,
    annual_rate_bp   integer      not null,
    fee_cents        bigint       not null,
    recourse         boolean      not null,
    discount_date    date         not null,
    payment_date     date         not null,
    valid_until      timestamptz  not null,
    face_cents       bigint       not null,
    interest_cents   bigint       not null,
    proceeds_cents   bigint       not null,
    quote_hash       bytea,
    status           varchar(16)  not null,
    chain_tx_id      bigint,
    quoted_by        varchar(100) not null,
    quoted_at        timestamptz  not null
);
create index sf_quote_financing on sf_quote (financing_id);

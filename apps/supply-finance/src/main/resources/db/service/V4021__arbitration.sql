-- Default to arbitration (apps/supply-finance): where each invoice's issuance is on chain (an
-- arbitration filing cites it), and the cases holders of overdue parts filed on CaseRegistry.

alter table sf_invoice
    add column issued_tx   varchar(66),
    add column issued_log  integer;

create table sf_arbitration (
    id               bigserial     primary key,
    part_id          bigint        not null references sf_part (part_id),
    certificate_id   bigint        not null references sf_certificate (id),
    claimant         varchar(64)   not null,
    respondent       varchar(64)   not null,
    commission       varchar(64)   not null,
    case_number      varchar(160)  not null unique,
    case_id          bytea         not null unique,
    claim            text          not null,
    claim_digest     bytea         not null,
    claimed_cents    bigint        not null,
    citations        integer       not null,
    filing_tx_id     bigint        not null,
    mark_tx_id       bigint        not null,
    filed_by         varchar(128)  not null,
    filed_at         timestamptz   not null
);
create index sf_arbitration_part on sf_arbitration (part_id);

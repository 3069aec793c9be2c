-- Settlement at maturity and default (apps/supply-finance): the core enterprise's payment, the
-- registry's settlement of every part, overdue marking and the per-core disclosure it feeds.

alter table sf_certificate
    add column payment_reference  varchar(128),
    add column paid_by            varchar(128),
    add column settlement_tx_id   bigint,
    add column sweep_tx_id        bigint,
    add column paid_at            timestamptz,
    add column settled_at         timestamptz,
    add column overdue_tx_id      bigint,
    add column overdue_at         timestamptz,
    add column overdue_cents      bigint;
create index sf_certificate_due on sf_certificate (status, payment_date);

-- One overdue event of a core enterprise (ReceivableRegistry.CertificateOverdue), kept for the
-- disclosure every member sees: how many in the last six months, what is still unpaid.
create table sf_overdue (
    id               bigserial    primary key,
    core             varchar(64)  not null,
    certificate_id   bigint       not null references sf_certificate (id),
    overdue_cents    bigint       not null,
    events_total     integer      not null,
    marked_at        timestamptz  not null,
    cured_at         timestamptz,
    tx_hash          varchar(66)  not null,
    log_index        integer      not null,
    unique (tx_hash, log_index)
);
create index sf_overdue_core on sf_overdue (core, marked_at);

-- A part a holder took to arbitration: the case filed on CaseRegistry and the registry's mark.
alter table sf_part
    add column case_id        bytea,
    add column case_tx_id     bigint;

-- Red-letters the financing bank consented to on its pledged invoices (RedLetterConsented).
alter table sf_financing
    add column red_consented_cents bigint not null default 0;

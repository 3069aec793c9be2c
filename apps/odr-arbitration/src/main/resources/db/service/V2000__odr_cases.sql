-- Online arbitration (apps/odr-arbitration). A case is shared by three organisations: the claimant,
-- the respondent and the commission; every read and write checks the caller's organisation is one
-- of them (CaseAccess). Chain writes of one case follow each other (chain_transaction.after_id).

create table odr_case_counter (
    commission varchar(100) not null,
    year       integer      not null,
    next_value bigint       not null,
    primary key (commission, year)
);

create table odr_case (
    id                 bigserial primary key,
    case_number        varchar(80)    not null unique,
    case_id            bytea          not null unique,  -- the on-chain id: keccak256(case number)
    commission         varchar(100)   not null,
    claimant           varchar(100)   not null,
    respondent         varchar(100)   not null,
    filed_by           varchar(200)   not null,
    title              varchar(200)   not null,
    claim              text           not null,
    amount             numeric(20, 2),
    currency           varchar(3),
    agreement_reference varchar(200)  not null,
    status             varchar(16)    not null,
    tribunal           varchar(8),                       -- SOLE or PANEL, once assigned
    decision_reason    text,                             -- rejection or withdrawal reason
    answer_text        text,
    answered_at        timestamptz,
    answered_by        varchar(200),
    record_json        text           not null,          -- the filing record (RFC 8785), whose digest is the case hash
    case_hash          varchar(64)    not null,
    timestamp_token    bytea,
    last_chain_tx_id   bigint         references chain_transaction (id),
    filed_at           timestamptz    not null,
    updated_at         timestamptz    not null,
    version            integer        not null default 0
);
create index odr_case_claimant_idx on odr_case (claimant, id);
create index odr_case_respondent_idx on odr_case (respondent, id);
create index odr_case_commission_idx on odr_case (commission, id);

create table odr_arbitrator (
    case_id      bigint       not null references odr_case (id),
    username     varchar(200) not null,
    presiding    boolean      not null,
    position     integer      not null,
    primary key (case_id, username)
);

create table odr_deadline (
    case_id             bigint      not null references odr_case (id),
    kind                varchar(16) not null,  -- ANSWER, EVIDENCE, AWARD
    due_at              timestamptz not null,
    met_at              timestamptz,
    overdue_flagged_at  timestamptz,
    primary key (case_id, kind)
);
create index odr_deadline_open_idx on odr_deadline (due_at) where met_at is null and overdue_flagged_at is null;

create table odr_evidence (
    id                    bigserial primary key,
    case_id               bigint        not null references odr_case (id),
    number                varchar(20)   not null,       -- C-1, R-2 … (claimant's, respondent's)
    organisation          varchar(100)  not null,
    side                  varchar(10)   not null,       -- CLAIMANT or RESPONDENT
    submitted_by          varchar(200)  not null,
    title                 varchar(200)  not null,
    file_name             varchar(255)  not null,
    media_type            varchar(120)  not null,
    size_bytes            bigint        not null,
    sha256                varchar(64)   not null,
    sm3                   varchar(64)   not null,
    source                varchar(300)  not null,       -- upload, the archive it came from, or a reference
    record_json           text          not null,
    record_digest         varchar(64)   not null,
    timestamp_token       bytea,
    notarisation_item_id  bigint        not null,
    submitted_at          timestamptz   not null,
    unique (case_id, number)
);
create index odr_evidence_case_idx on odr_evidence (case_id, id);

create table odr_evidence_content (
    evidence_id bigint primary key references odr_evidence (id),
    content     bytea not null
);

-- Cross-examination: the other side's view of an item (authenticity, legality, relevance).
create table odr_evidence_comment (
    id            bigserial primary key,
    evidence_id   bigint        not null references odr_evidence (id),
    case_id       bigint        not null references odr_case (id),
    organisation  varchar(100)  not null,
    author        varchar(200)  not null,
    authenticity  varchar(10)   not null,
    legality      varchar(10)   not null,
    relevance     varchar(10)   not null,
    opinion       text          not null,
    created_at    timestamptz   not null
);
create index odr_evidence_comment_idx on odr_evidence_comment (evidence_id, id);

create table odr_minutes (
    id                    bigserial primary key,
    case_id               bigint        not null references odr_case (id),
    recorded_by           varchar(200)  not null,
    held_at               timestamptz   not null,
    text                  text          not null,
    record_json           text          not null,
    record_digest         varchar(64)   not null,
    notarisation_item_id  bigint        not null,
    created_at            timestamptz   not null
);

create table odr_award (
    case_id               bigint primary key references odr_case (id),
    drafted_by            varchar(200)  not null,
    decision              text          not null,
    reasoning             text          not null,
    status                varchar(10)   not null,       -- DRAFT, ISSUED
    drafted_at            timestamptz   not null,
    record_json           text,
    record_digest         varchar(64),
    timestamp_token       bytea,
    notarisation_item_id  bigint,
    issued_at             timestamptz,
    pdf                   bytea,
    pdf_sha256            varchar(64)
);

create table odr_award_vote (
    case_id     bigint        not null references odr_case (id),
    arbitrator  varchar(200)  not null,
    approve     boolean       not null,
    note        text,
    voted_at    timestamptz   not null,
    primary key (case_id, arbitrator)
);

-- Service of the award on each party: made available (when issued), opened (first download by the party).
create table odr_service (
    case_id               bigint        not null references odr_case (id),
    party                 varchar(100)  not null,
    made_available_at     timestamptz   not null,
    made_available_tx_id  bigint        references chain_transaction (id),
    opened_at             timestamptz,
    opened_by             varchar(200),
    opened_tx_id          bigint        references chain_transaction (id),
    primary key (case_id, party)
);

-- The case timeline: every step, who took it, when, and the chain write or notarisation that records it.
create table odr_case_event (
    id                    bigserial primary key,
    case_id               bigint        not null references odr_case (id),
    step                  varchar(40)   not null,
    actor                 varchar(200),
    organisation          varchar(100),
    detail                text,
    chain_tx_id           bigint        references chain_transaction (id),
    notarisation_item_id  bigint,
    at                    timestamptz   not null
);
create index odr_case_event_case_idx on odr_case_event (case_id, id);

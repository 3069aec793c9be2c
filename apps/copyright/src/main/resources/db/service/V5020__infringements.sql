-- Suspected copies captured by monitors, and the infringement evidence filed with arbitration (issue #20).
create sequence cr_capture_seq increment by 50;

create table cr_capture (
    id                   bigint        primary key,
    organisation         varchar(64)   not null,   -- the monitor's organisation
    kind                 varchar(8)    not null,   -- TEXT, IMAGE
    media_type           varchar(100)  not null,
    file_name            varchar(255),
    content              bytea         not null,   -- the copy exactly as captured
    sha256               varchar(64)   not null,
    source_url           varchar(2000),
    publisher            varchar(64),              -- the member that published the copy, when known
    matches_json         text          not null,   -- what the index matched at capture time
    record_json          text          not null,   -- the capture record (RFC 8785), time-stamped and notarised
    record_digest        varchar(64)   not null,
    timestamp_token      bytea,
    notarisation_item_id bigint,
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null
);
create index cr_capture_org on cr_capture (organisation, id desc);
create index cr_capture_record on cr_capture (record_digest);

create sequence cr_infringement_seq increment by 50;

create table cr_infringement (
    id                   bigint        primary key,
    organisation         varchar(64)   not null,   -- the claimant: the work's rights holder
    capture_id           bigint        not null references cr_capture (id),
    work_id              bigint        not null references cr_work (id),
    publisher            varchar(64)   not null,   -- the respondent
    uses                 int           not null,   -- the use in question (LicenceRegistry bits: one kind, one channel)
    territory            varchar(32)   not null,
    used_at              timestamptz   not null,   -- T: the capture's time-stamp
    as_of_block          bigint        not null,   -- N: the block that anchored the capture
    licensed             boolean       not null,
    licence_head         varchar(66)   not null,   -- the (work, licensee) hash-chain head as of N
    licence_events       int           not null,
    claim                text          not null,
    commission           varchar(64)   not null,
    case_number          varchar(200)  not null unique,
    record_json          text          not null,   -- the forensics report's record, time-stamped and notarised
    record_digest        varchar(64)   not null,
    timestamp_token      bytea,
    notarisation_item_id bigint,
    status               varchar(12)   not null,   -- PREPARED (report being anchored), FILING, FILED
    filing_tx_id         bigint,
    citations            int,
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null
);
create index cr_infringement_org on cr_infringement (organisation, id desc);
create index cr_infringement_prepared on cr_infringement (status) where status = 'PREPARED';
create index cr_infringement_record on cr_infringement (record_digest);

alter table cr_work add column registered_log int;

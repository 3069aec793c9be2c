-- Registered works (issue #20): the submitted content stays here, its digests go on chain.
create sequence cr_work_seq increment by 50;

create table cr_work (
    id                   bigint        primary key,
    organisation         varchar(64)   not null,   -- the rights holder's alias (the registering member)
    kind                 varchar(8)    not null,   -- TEXT, IMAGE
    title                varchar(300)  not null,
    authors              varchar(1000) not null,   -- one author per line
    claimed_published_at timestamptz,
    source_url           varchar(2000),
    media_type           varchar(100)  not null,
    file_name            varchar(255),
    content              bytea         not null,   -- the submitted bytes (text in UTF-8)
    content_digest       bytea         not null,   -- SHA-256 of the content: the work's id in WorkRegistry
    fingerprint          bytea         not null,   -- the serialised fingerprint (text or image), what the index is rebuilt from
    fingerprint_digest   bytea         not null,
    iscc                 varchar(80),
    record_json          text          not null,   -- the registration record (RFC 8785), notarised and time-stamped
    record_digest        varchar(64)   not null,
    timestamp_token      bytea,
    notarisation_item_id bigint,
    chain_tx_id          bigint,                   -- the outbox write of WorkRegistry.registerWorks that carries it
    status               varchar(12)   not null,   -- PENDING, REGISTERED, REFUSED
    registered_block     bigint,
    registered_tx        varchar(66),
    first_holder         varchar(80),              -- REFUSED: the member that registered this content first
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null
);

-- The same content once per consortium as far as this service knows it (the chain decides across services).
create unique index cr_work_content on cr_work (content_digest) where status <> 'REFUSED';
create index cr_work_org on cr_work (organisation, id desc);
create index cr_work_record on cr_work (record_digest);

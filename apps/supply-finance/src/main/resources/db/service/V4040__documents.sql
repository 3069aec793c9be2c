-- The signed PDFs of a certificate's life (apps/supply-finance documents/): the payable confirmation, each
-- accepted transfer, each paid financing's agreement, the settlement statement. One per chain fact (the
-- history row it was made from), made once: every download answers these bytes.
create table sf_document (
    id                    bigserial    primary key,
    certificate_id        bigint       not null references sf_certificate (id),
    kind                  varchar(24)  not null,
    source_entry_id       bigint       not null unique references sf_history (id),
    number                varchar(48)  not null unique,
    file_name             varchar(200) not null,
    signed_by             varchar(200) not null,
    bytes                 bytea        not null,
    sha256                varchar(64)  not null,
    facts_digest          varchar(64)  not null,
    record_json           text         not null,
    record_digest         varchar(64)  not null,
    timestamp_token       bytea,
    notarisation_item_id  bigint,
    tx_hash               varchar(66)  not null,
    block_number          bigint       not null,
    created_at            timestamptz  not null
);
create index sf_document_certificate on sf_document (certificate_id, id);
create index sf_document_sha256 on sf_document (sha256);
create index sf_document_facts_digest on sf_document (facts_digest);
create index sf_document_record_digest on sf_document (record_digest);

-- Document hashes a member organisation registered on chain (Flyway location db/service).
create table notarisation (
    id               bigserial primary key,
    organisation     varchar(100) not null,
    created_by       varchar(200) not null,
    label            varchar(200) not null,
    sha256           char(64)     not null,
    batch_id         char(64)     not null unique,
    chain_tx_id      bigint       not null references chain_transaction (id),
    created_at       timestamptz  not null
);
create index notarisation_organisation_idx on notarisation (organisation, id);

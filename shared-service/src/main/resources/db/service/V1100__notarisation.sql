-- Document hashes a member organisation registered on chain (Flyway location db/service).
-- Each one is an item of the chain client's Merkle batches (notarisation_item).
create table notarisation (
    id                    bigserial primary key,
    organisation          varchar(100) not null,
    created_by            varchar(200) not null,
    label                 varchar(200) not null,
    sha256                char(64)     not null,
    notarisation_item_id  bigint       not null references notarisation_item (id),
    created_at            timestamptz  not null
);
create index notarisation_organisation_idx on notarisation (organisation, id);

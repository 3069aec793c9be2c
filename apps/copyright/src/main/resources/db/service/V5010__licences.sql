-- Licences granted by rights holders (issue #20): LicenceRegistry decides; this is what the service knows of them.
create sequence cr_licence_seq increment by 50;

create table cr_licence (
    id                   bigint        primary key,
    organisation         varchar(64)   not null,   -- the licensor (the work's holder)
    work_id              bigint        not null references cr_work (id),
    chain_licence_id     bytea         not null unique, -- the licence's id in LicenceRegistry
    licensee             varchar(64)   not null,
    uses                 int           not null,   -- LicenceRegistry's bitmask: kinds of use and channels
    territory            varchar(32)   not null,   -- ISO 3166 code, or * for worldwide
    valid_from           timestamptz   not null,
    valid_until          timestamptz,              -- null: no end
    terms                text          not null,
    record_json          text          not null,   -- the terms record (RFC 8785) whose digest LicenceRegistry holds
    record_digest        varchar(64)   not null,
    timestamp_token      bytea,
    notarisation_item_id bigint,
    status               varchar(12)   not null,   -- PENDING, GRANTED, REVOKING, REVOKED
    chain_tx_id          bigint,
    granted_block        bigint,
    granted_tx           varchar(66),
    revoke_tx_id         bigint,
    revoked_effective_at timestamptz,
    revoked_block        bigint,
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null
);

create index cr_licence_org on cr_licence (organisation, id desc);
create index cr_licence_licensee on cr_licence (licensee, id desc);
create index cr_licence_work on cr_licence (work_id, licensee);

-- Transfers of the rights in a work between members (issue #20): WorkRegistry.transferRights decides, RightsTransferred
-- moves the work's row to the new holder (cr_work.organisation); this is the history both sides were part of.
create sequence cr_work_transfer_seq increment by 50;

create table cr_work_transfer (
    id                 bigint        primary key,
    work_id            bigint        not null references cr_work (id),
    content_digest     bytea         not null,   -- the work's id in WorkRegistry
    from_organisation  varchar(64)   not null,   -- the holder that transferred
    to_organisation    varchar(64)   not null,   -- the member that received the rights
    status             varchar(12)   not null,   -- PENDING, TRANSFERRED
    chain_tx_id        bigint,                   -- the outbox write (null: a transfer made through another service)
    transferred_block  bigint,
    transferred_tx     varchar(66),
    requested_at       timestamptz   not null,
    requested_by       varchar(100)  not null
);

create index cr_work_transfer_work on cr_work_transfer (work_id, id);
create index cr_work_transfer_digest on cr_work_transfer (content_digest) where status = 'PENDING';

-- Projection of RootAnchored events, written by the test event handler.
create table test_anchor_projection (
    block_number  bigint  not null,
    log_index     integer not null,
    batch_id      bytea   not null,
    root          bytea   not null,
    applied_count integer not null default 1,
    primary key (block_number, log_index)
);

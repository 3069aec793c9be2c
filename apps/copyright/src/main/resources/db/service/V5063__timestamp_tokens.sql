-- A bulk registration's works are time-stamped under one RFC 3161 token, each with its own RFC 4998 evidence record:
-- the record's path to the root the token stamps, then the token itself — ≈ 1.85 of its ≈ 2.25 kB, the same bytes in
-- every work of the request (a thousand copies of each token, 1.8 GB per million works). The token is kept once here;
-- the work's row keeps the record's bytes before it (timestamp_token) and the token's id (timestamp_token_id). Joined,
-- they are the evidence record byte for byte (WorkStamps). Works stamped alone (a plain token) and rows stored before
-- keep their whole stamp with timestamp_token_id null.
create table cr_timestamp_token (
    id    bigint generated always as identity primary key,
    token bytea not null
);
-- DER time-stamp tokens do not compress (V5050): out of line without trying.
alter table cr_timestamp_token alter column token set storage external;

-- No foreign key, as for fingerprint headers (V5062): its check would lock the token's row for every work inserted
-- with it; tokens are only added, in the transaction of the works that name them.
alter table cr_work add column timestamp_token_id bigint;

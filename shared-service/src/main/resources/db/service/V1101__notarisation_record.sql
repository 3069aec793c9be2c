-- A notarisation now anchors the digest of its record (RFC 8785 canonical JSON, shared-evidence),
-- not the bare document hash; the record is kept so certificates can embed exactly what was hashed.
alter table notarisation add column record_json text;
alter table notarisation add column record_digest char(64);
-- RFC 3161 token over the record digest, taken when the notarisation was registered (null if the TSA was down).
alter table notarisation add column timestamp_token bytea;

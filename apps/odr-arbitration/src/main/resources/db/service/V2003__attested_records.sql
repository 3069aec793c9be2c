-- Every attested record keeps the same four columns (shared-service AttestedRecord: record JSON,
-- record digest, time-stamp token, notarisation item), embedded in the entity it attests.
-- Hearing minutes are now time-stamped like every other record.
alter table odr_minutes add column timestamp_token bytea;
-- A case's filing record is recorded in CaseRegistry (fileCase), not notarised: always null.
alter table odr_case add column notarisation_item_id bigint;

-- Evidence items submitted together are time-stamped under one RFC 3161 token, each with its RFC 4998 evidence record
-- ending with that token (≈ 1.8 kB repeated per item). The token is now stored once in shared-service's timestamp_token
-- (V1104, TimeStampTokens); such an item's row keeps the bytes of its record before the token, and the token's id. Items
-- stored before, and items submitted alone (a plain token), keep their whole stamp with timestamp_token_id null.
alter table odr_evidence add column timestamp_token_id bigint;

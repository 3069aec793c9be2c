-- Time-stamps (RFC 3161 tokens or RFC 4998 evidence records, ~2 kB of DER) do not compress: keep them out of line
-- without trying (as shared-service's V1103 does for notarisations).
alter table odr_case alter column timestamp_token set storage external;
alter table odr_evidence alter column timestamp_token set storage external;
alter table odr_minutes alter column timestamp_token set storage external;
alter table odr_award alter column timestamp_token set storage external;

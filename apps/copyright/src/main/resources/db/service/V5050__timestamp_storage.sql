-- Time-stamps (RFC 3161 tokens or RFC 4998 evidence records, ~2 kB of DER) do not compress: keep them out of line
-- without trying (as shared-service's V1103 does for notarisations). Bulk registration stores thousands a second.
alter table cr_work alter column timestamp_token set storage external;
alter table cr_licence alter column timestamp_token set storage external;
alter table cr_capture alter column timestamp_token set storage external;
alter table cr_infringement alter column timestamp_token set storage external;

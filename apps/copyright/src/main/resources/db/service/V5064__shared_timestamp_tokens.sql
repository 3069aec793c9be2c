-- The batch tokens kept once for bulk registrations (V5063) move to the table shared-service keeps them in for every
-- record attested with others (V1104, TimeStampTokens): one table and one piece of code for the same idea. Ids are kept,
-- so works' timestamp_token_id still name their token; the identity continues after the largest.
insert into timestamp_token (id, token) select id, token from cr_timestamp_token order by id;
select setval(pg_get_serial_sequence('timestamp_token', 'id'), coalesce((select max(id) from timestamp_token), 0) + 1, false);
drop table cr_timestamp_token;

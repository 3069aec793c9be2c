-- WorkLedger's REGISTERED update (status, block, transaction, log: thousands of rows a second) was never HOT: the unique
-- content index's predicate named status, so PostgreSQL wrote a new entry into each of cr_work's four indexes for every
-- registered work. The same rule — one row per content digest that is not refused — without status in any index:
-- refused_as is 0 for a work being or having been registered and the work's own id once refused, computed by PostgreSQL
-- from status (no writer can set one without the other), so (content_digest, refused_as) is unique where the predicate
-- was. The REGISTERED update leaves refused_as at 0, and PostgreSQL compares indexed values, not the columns an update
-- names: the update stays HOT. Look-ups by content digest use the index's leading column as before.
alter table cr_work add column refused_as bigint generated always as (case when status = 'REFUSED' then id else 0 end) stored;
drop index cr_work_content;
create unique index cr_work_content on cr_work (content_digest, refused_as);
-- Room on each page for the updated version of its rows (the update adds ≈ 80 bytes to a row of ≈ 1.7 kB: the record's
-- JSON is stored in the row), so the update stays on the page — HOT needs that too. With half of each page kept free,
-- every update finds room for rows up to ≈ 2 kB two to a page (≈ 1.3 kB three to a page, ≈ 0.98 kB four); in the narrow
-- bands just above those sizes one row of a page is updated out of place. Pages written from now on.
alter table cr_work set (fillfactor = 50);

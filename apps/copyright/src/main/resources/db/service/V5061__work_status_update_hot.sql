-- WorkLedger's REGISTERED update (status, block, transaction, log: thousands of rows a second) was never HOT: the unique
-- content index's predicate named status, so PostgreSQL wrote a new entry into each of cr_work's four indexes for every
-- registered work. The same rule — one row per content digest that is not refused — without status in any index:
-- refused_as is 0 for a work being or having been registered and the work's own id once refused (WorkLedger sets both in
-- one statement), so (content_digest, refused_as) is unique where the predicate was. Look-ups by content digest use the
-- index's leading column as before.
alter table cr_work add column refused_as bigint not null default 0;
update cr_work set refused_as = id where status = 'REFUSED';
drop index cr_work_content;
create unique index cr_work_content on cr_work (content_digest, refused_as);
-- Room on each page for the updated version of its rows (≈ 1.7 kB inline: the record's JSON is stored in the row), so the
-- update stays on the page — a HOT update needs that too. Pages written from now on.
alter table cr_work set (fillfactor = 50);

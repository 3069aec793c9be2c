-- The projection writes history rows in JDBC batches: Hibernate takes ids from this sequence 50 at a time
-- (HistoryEntry's pooled generator). A row inserted with the column's default still gets an id of its own:
-- each nextval reserves the 50 ids below it for whoever drew it.
alter sequence sf_history_id_seq increment by 50;

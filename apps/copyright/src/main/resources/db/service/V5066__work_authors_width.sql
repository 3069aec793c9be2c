-- A work has one to twenty authors of up to 100 characters each (the API's limits), stored one per line: up to 2,019
-- characters, which varchar(1000) refused at insert. Widening a varchar rewrites nothing.
alter table cr_work alter column authors type varchar(2100);

-- Case numbers come from the shared yearly sequences (shared-service YearlySequences, V1102):
-- the counters so far move there, so numbering continues where it stood.
insert into suite_sequence (series, scope, year, next_value)
select 'odr.case', commission, year, next_value from odr_case_counter;
drop table odr_case_counter;

-- Disputes on file (apps/supply-finance): every arbitration case filed on CaseRegistry, by whichever app,
-- as a risk signal on the banks' desk (members only: who filed against whom, never the content).
create table sf_dispute (
    case_id            bytea        primary key,
    claimant_member    bytea        not null,
    respondent_member  bytea        not null,
    commission_member  bytea        not null,
    filed_block        bigint       not null
);
create index sf_dispute_respondent on sf_dispute (respondent_member);

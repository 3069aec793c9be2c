-- A claim the consortium does not take (its respondent no longer active, its case number filed already, the rights
-- transferred away before filing, the filing reverted on chain) ends REFUSED with the reason, instead of holding up
-- the filing of every other claim; the capture may then be claimed again under a case number of its own (…-2, -3).
-- FILED now means CaseRegistry confirmed the case; FILING, that the filing is queued or mined but not yet confirmed.
alter table cr_infringement add column refusal varchar(1000);
drop index cr_infringement_prepared;
create index cr_infringement_to_file on cr_infringement (status) where status in ('PREPARED', 'FILING');
create index cr_infringement_claims on cr_infringement (capture_id, work_id);
-- Claims marked FILED by the earlier code as soon as their filing was queued: followed again until the chain confirms
-- (FILED) or refuses (REFUSED) their filing.
update cr_infringement set status = 'FILING' where status = 'FILED' and filing_tx_id is not null;

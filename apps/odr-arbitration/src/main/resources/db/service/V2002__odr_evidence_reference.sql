-- Evidence attached by reference (an on-chain event or an anchored record of the suite, with its proofs):
-- the normalised reference, so that the same reference is not attached twice to one case.
alter table odr_evidence add column reference varchar(100);
create index odr_evidence_reference_idx on odr_evidence (case_id, reference) where reference is not null;

-- Cases another app filed on chain (CaseRegistry.fileCaseCiting, shared-service ArbitrationFilings), projected
-- by the indexer (filing/ChainFilings). Such a case is numbered by its commission like any other; its on-chain
-- id is keccak256 of the filing app's case number, its record_json/case_hash the time-stamped record of the
-- projection, and claim_digest the case hash on chain (the claim statement's digest; the text stays with the
-- claimant).
alter table odr_case add column filed_through      varchar(8)  not null default 'ODR'; -- ODR (this API) or CHAIN
alter table odr_case add column filing_transaction varchar(66);                       -- the filing's transaction (CHAIN)
alter table odr_case add column filing_block       bigint;
alter table odr_case add column claim_digest       varchar(64);                       -- CaseFiled.caseHash (CHAIN)

-- Each CaseEvidenceCited of a filing: the evidence item it became, or why it could not (refused). Keyed by the
-- log's position, so a replayed event changes nothing.
create table odr_cited_evidence (
    id             bigserial primary key,
    case_id        bigint       not null references odr_case (id),
    log_position   varchar(40)  not null unique,   -- block:logIndex of the CaseEvidenceCited log
    position       integer      not null,          -- order of the citation in its filing, from 0
    reference      varchar(100) not null,          -- event:0x<tx hash>:<log index>
    evidence_id    bigint       references odr_evidence (id),
    evidence_number varchar(20),                   -- C-n, with evidence_id
    refused_reason text,
    recorded_at    timestamptz  not null,
    check ((evidence_id is null) <> (refused_reason is null))
);
create index odr_cited_evidence_case_idx on odr_cited_evidence (case_id, position);

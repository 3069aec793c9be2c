-- Claims by invoice and organisation: a bulk reimbursement run asks, a thousand invoices at a time, which
-- of them its organisation has a pending claim on. With only (organisation, id) and (invoice_id) to
-- choose from, the planner (on a table not analysed since a large run) took the organisation's index
-- and read every claim the organisation ever made, once per request. With both columns in one index
-- both conditions bound the scan. It replaces the index on invoice_id alone, which it also serves.
-- (Not a partial index on status = 'PENDING': the planner then picked it for updates by primary key
-- that also say status = 'PENDING', and scanned every pending claim per update.)
create index einv_claim_invoice_org on einv_claim (invoice_id, organisation);
drop index einv_claim_invoice;

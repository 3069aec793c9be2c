-- Invoices and claims take their ids a hundred at a time (Hibernate's pooled sequence), so bulk
-- issuance and bulk reimbursement insert their rows in JDBC batches.
alter sequence einv_invoice_id_seq increment by 100;
alter sequence einv_claim_id_seq increment by 100;

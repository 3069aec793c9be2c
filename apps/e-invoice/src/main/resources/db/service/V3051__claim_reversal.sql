-- A booking or reimbursement its organisation takes back (InvoiceRegistry.unbook / reverseReimbursement):
-- why, when it was asked (and the chain write), and when the chain recorded it (status REVERSED).
alter table einv_claim add column reversal_reason varchar(500);
alter table einv_claim add column reversal_tx_id bigint;
alter table einv_claim add column reversal_requested_by varchar(100);
alter table einv_claim add column reversal_requested_at timestamptz;
alter table einv_claim add column reversed_at timestamptz;

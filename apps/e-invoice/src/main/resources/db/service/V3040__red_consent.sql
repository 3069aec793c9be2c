-- A financing's consent to red-letter a pledged invoice (InvoiceRegistry.consentToRed), projected from
-- InvoicePledged / InvoiceRedConsented / InvoiceRedLettered / InvoiceReleased in one ordered stream:
-- red_consented is what the financier consented to under the current pledge, red_consent_left what of
-- it the chain has not yet seen red-lettered (its redAllowanceCents). Both drop to 0 on release.
alter table einv_invoice add column red_consented     numeric(18,2) not null default 0;
alter table einv_invoice add column red_consent_left  numeric(18,2) not null default 0;
-- On a red invoice of a pledged blue one: the consent it uses once the chain records it (cleared
-- when its InvoiceRedLettered is projected, which also lowers the blue invoice's red_consent_left).
alter table einv_invoice add column consent_use       numeric(18,2);
create index einv_invoice_consent_use on einv_invoice (blue_id) where consent_use is not null;

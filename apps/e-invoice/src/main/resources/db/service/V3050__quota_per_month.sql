-- An issuer's quota (授信额度) is per calendar month in China Standard Time, as InvoiceRegistry counts it:
-- `used` is what it issued in `used_period` ("2026-12"). What issuers used before counts as this month's.
alter table einv_issuer add column used_period varchar(7);
update einv_issuer set used_period = to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM');

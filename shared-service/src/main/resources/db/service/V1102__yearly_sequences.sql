-- Yearly numbering sequences (YearlySequences): case numbers, invoice numbers, certificate and
-- registration numbers start again each year, per series and scope (an issuer, a commission …).
create table suite_sequence (
    series      varchar(100) not null,  -- what is numbered, e.g. odr.case, einvoice.invoice
    scope       varchar(200) not null,  -- whose numbers, e.g. the commission's or the issuer's alias
    year        int          not null,
    next_value  bigint       not null,  -- the last number handed out
    primary key (series, scope, year)
);

-- The documents of an invoice as first delivered (apps/e-invoice delivery/): the PDF/A-3 signed by the
-- seller and the UBL it embeds. Rendered and signed once; every later download returns these bytes.
create table einv_document (
    id          bigserial primary key,
    invoice_id  bigint       not null references einv_invoice (id),
    kind        varchar(8)   not null,
    bytes       bytea        not null,
    sha256      varchar(64)  not null,
    created_at  timestamptz  not null,
    unique (invoice_id, kind)
);

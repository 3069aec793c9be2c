-- Red-letter confirmation forms (红字发票信息确认单): who started them, the lines they offset, their
-- state in the bureau's codes 01–13, and the red invoice issued on 01 or 04.
create table einv_red_form (
    id                  bigserial primary key,
    blue_invoice_id     bigint        not null references einv_invoice (id),
    initiator           varchar(64)   not null,
    initiator_side      varchar(8)    not null,
    counterparty        varchar(64)   not null,
    reason              varchar(2)    not null,
    state               varchar(2)    not null,
    needs_confirmation  boolean       not null,
    buyer_deducted      boolean,
    full_red            boolean       not null,
    lines               text          not null,
    red_total           numeric(18,2) not null,
    started_by          varchar(100)  not null,
    started_at          timestamptz   not null,
    confirm_by          timestamptz,
    decided_by          varchar(100),
    decided_at          timestamptz,
    decision_note       text,
    red_invoice_id      bigint        references einv_invoice (id)
);
create index einv_red_form_blue on einv_red_form (blue_invoice_id);
create index einv_red_form_initiator on einv_red_form (initiator, id desc);
create index einv_red_form_counterparty on einv_red_form (counterparty, id desc);
create index einv_red_form_open on einv_red_form (confirm_by) where state in ('02', '03');

-- Notarisation per organisation: each item is anchored by the key of the organisation it was
-- notarised for, so batches are built per signer. Items queued before this column existed have
-- an empty signer and are anchored with the service's own key.
alter table notarisation_item add column signer varchar(42) not null default '';
drop index notarisation_item_unbatched_idx;
create index notarisation_item_unbatched_idx on notarisation_item (signer, id) where batch_id is null;

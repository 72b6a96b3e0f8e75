-- batches_newest_idx: the batch pickers of the parcel forms list the newest batches first, unapproved on top —
-- the batch list's approvedOn order, coalesce(approved_on, '9999-12-31') DESC, id DESC (src/batches/queries.ts).
-- Walked backwards, this index gives that order, so the newest 31 batches are 31 rows, not every batch sorted.
CREATE INDEX `batches_newest_idx` ON `batches` (coalesce(`approved_on`, '9999-12-31'));

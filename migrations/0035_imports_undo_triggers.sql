-- Events stay append-only, with one exception: undoing a whole import removes the events it
-- wrote, and only in the batch that marks the import undone (the status changes first).
DROP TRIGGER parcel_events_no_delete;
--> statement-breakpoint
CREATE TRIGGER parcel_events_no_delete BEFORE DELETE ON parcel_events
WHEN old.import_id IS NULL OR NOT EXISTS (SELECT 1 FROM imports WHERE id = old.import_id AND status = 'undone')
BEGIN
  SELECT RAISE(ABORT, 'parcel_events is append-only');
END;
--> statement-breakpoint
-- A batch row goes only with an undone import; its totals row goes with it.
CREATE TRIGGER batches_delete_totals BEFORE DELETE ON batches
BEGIN
  DELETE FROM batch_totals WHERE batch_id = old.id;
END;
--> statement-breakpoint
-- The import log is kept: an import is never deleted, and only its status, undo and version change.
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN
  SELECT RAISE(ABORT, 'imports is a log');
END;

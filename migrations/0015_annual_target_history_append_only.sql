-- Who set which target when is evidence: the database itself refuses to change or remove a history row.
CREATE TRIGGER annual_target_history_no_update BEFORE UPDATE ON annual_target_history
BEGIN
  SELECT RAISE(ABORT, 'annual_target_history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER annual_target_history_no_delete BEFORE DELETE ON annual_target_history
BEGIN
  SELECT RAISE(ABORT, 'annual_target_history is append-only');
END;

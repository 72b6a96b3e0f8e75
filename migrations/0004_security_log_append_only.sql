-- The security log is evidence: the database itself refuses to change or remove an entry.
CREATE TRIGGER security_log_no_update BEFORE UPDATE ON security_log
BEGIN
  SELECT RAISE(ABORT, 'security_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER security_log_no_delete BEFORE DELETE ON security_log
BEGIN
  SELECT RAISE(ABORT, 'security_log is append-only');
END;

-- The security log keeps every entry for log_retention.days (default 400), measured by the database's
-- own clock. Younger rows cannot be deleted; older ones may be, by the scheduled cleanup (src/index.ts).
INSERT INTO log_retention (id, days) VALUES (1, 400);
--> statement-breakpoint
DROP TRIGGER security_log_no_delete;
--> statement-breakpoint
CREATE TRIGGER security_log_no_delete BEFORE DELETE ON security_log
WHEN coalesce(OLD.last_at, OLD.at) > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || coalesce((SELECT days FROM log_retention WHERE id = 1), 400) || ' days')
BEGIN
  SELECT RAISE(ABORT, 'security_log is append-only until an entry is older than the retention period');
END;
--> statement-breakpoint
DROP TRIGGER security_log_no_update;
--> statement-breakpoint
-- Only an aggregate (window_key set) may change, and only by counting up and moving last_at forward.
CREATE TRIGGER security_log_no_update BEFORE UPDATE ON security_log
WHEN OLD.window_key IS NULL OR NEW.window_key IS NOT OLD.window_key OR NEW.id IS NOT OLD.id
  OR NEW.at IS NOT OLD.at OR NEW.kind IS NOT OLD.kind OR NEW.ip IS NOT OLD.ip OR NEW.method IS NOT OLD.method
  OR NEW.path IS NOT OLD.path OR NEW.detail IS NOT OLD.detail OR NEW.actor_id IS NOT OLD.actor_id
  OR NEW.actor_name IS NOT OLD.actor_name OR NEW.subject_id IS NOT OLD.subject_id
  OR NEW.subject_name IS NOT OLD.subject_name OR NEW.count <= OLD.count
  OR NEW.last_at IS NULL OR NEW.last_at < coalesce(OLD.last_at, OLD.at)
BEGIN
  SELECT RAISE(ABORT, 'security_log is append-only');
END;

-- A reported week never changes: the database itself refuses to change or remove a stored review.
CREATE TRIGGER weekly_reviews_no_update BEFORE UPDATE ON weekly_reviews
BEGIN
  SELECT RAISE(ABORT, 'weekly_reviews is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER weekly_reviews_no_delete BEFORE DELETE ON weekly_reviews
BEGIN
  SELECT RAISE(ABORT, 'weekly_reviews is append-only');
END;

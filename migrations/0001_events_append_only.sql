-- Parcel events are the audit record: the database itself refuses to change or remove one.
CREATE TRIGGER parcel_events_no_update BEFORE UPDATE ON parcel_events
BEGIN
  SELECT RAISE(ABORT, 'parcel_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER parcel_events_no_delete BEFORE DELETE ON parcel_events
BEGIN
  SELECT RAISE(ABORT, 'parcel_events is append-only');
END;
--> statement-breakpoint
-- One row per state, so every write can adjust totals with a plain UPDATE.
INSERT INTO chain_totals (state, count, area_m2) VALUES
  ('planned', 0, 0), ('approved', 0, 0), ('acquired', 0, 0), ('reserved', 0, 0),
  ('supplied', 0, 0), ('started', 0, 0), ('completed', 0, 0), ('withdrawn', 0, 0);

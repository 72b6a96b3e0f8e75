-- chain_totals (count and area per state, for the chain strip) follows every parcel write through
-- triggers, as batch_totals does: registration, moves, corrections, edits, bulk approval and any later
-- import or undo all keep it right without a statement of their own. Trigger changes do not count in
-- changes(), so the guarded `… WHERE changes() = 1` writes are unaffected.
UPDATE chain_totals SET
  count = (SELECT count(*) FROM parcels p WHERE p.state = chain_totals.state),
  area_m2 = (SELECT coalesce(sum(p.area_m2), 0) FROM parcels p WHERE p.state = chain_totals.state);
--> statement-breakpoint
CREATE TRIGGER parcels_chain_totals_insert AFTER INSERT ON parcels
BEGIN
  UPDATE chain_totals SET count = count + 1, area_m2 = area_m2 + new.area_m2 WHERE state = new.state;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_chain_totals_update AFTER UPDATE OF state, area_m2 ON parcels
  WHEN old.state <> new.state OR old.area_m2 <> new.area_m2
BEGIN
  UPDATE chain_totals SET count = count - 1, area_m2 = area_m2 - old.area_m2 WHERE state = old.state;
  UPDATE chain_totals SET count = count + 1, area_m2 = area_m2 + new.area_m2 WHERE state = new.state;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_chain_totals_delete AFTER DELETE ON parcels
BEGIN
  UPDATE chain_totals SET count = count - 1, area_m2 = area_m2 - old.area_m2 WHERE state = old.state;
END;

-- batch_totals follows every parcel write (SPEC §4 figures; definitions in src/domain/batch-figures.ts):
-- a parcel row adds its contribution to its batch's row and takes it away when it changes or leaves.
-- Boolean expressions count 0/1 (no CASE: wrangler's splitter has mishandled CASE … END in trigger bodies).
-- Trigger changes do not count in changes(), so the guarded `… WHERE changes() = 1` writes are unaffected.
CREATE TRIGGER batches_totals_row AFTER INSERT ON batches
BEGIN
  INSERT INTO batch_totals (batch_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER parcels_batch_totals_insert AFTER INSERT ON parcels WHEN new.batch_id IS NOT NULL
BEGIN
  UPDATE batch_totals SET
    parcel_count = parcel_count + 1,
    planned_count = planned_count + (new.state = 'planned'),
    planned_m2 = planned_m2 + (new.state = 'planned') * new.area_m2,
    approved_m2 = approved_m2 + (new.approved_on IS NOT NULL) * new.area_m2,
    supplied_m2 = supplied_m2 + (new.approved_on IS NOT NULL AND new.supplied_on IS NOT NULL) * new.area_m2,
    withdrawn_m2 = withdrawn_m2 + (new.approved_on IS NOT NULL AND new.withdrawn_on IS NOT NULL) * new.area_m2,
    unsupplied_m2 = unsupplied_m2 + (new.approved_on IS NOT NULL AND new.supplied_on IS NULL AND new.withdrawn_on IS NULL) * new.area_m2
  WHERE batch_id = new.batch_id;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_batch_totals_leave AFTER UPDATE OF batch_id, area_m2, state, approved_on, supplied_on, withdrawn_on ON parcels WHEN old.batch_id IS NOT NULL
BEGIN
  UPDATE batch_totals SET
    parcel_count = parcel_count - 1,
    planned_count = planned_count - (old.state = 'planned'),
    planned_m2 = planned_m2 - (old.state = 'planned') * old.area_m2,
    approved_m2 = approved_m2 - (old.approved_on IS NOT NULL) * old.area_m2,
    supplied_m2 = supplied_m2 - (old.approved_on IS NOT NULL AND old.supplied_on IS NOT NULL) * old.area_m2,
    withdrawn_m2 = withdrawn_m2 - (old.approved_on IS NOT NULL AND old.withdrawn_on IS NOT NULL) * old.area_m2,
    unsupplied_m2 = unsupplied_m2 - (old.approved_on IS NOT NULL AND old.supplied_on IS NULL AND old.withdrawn_on IS NULL) * old.area_m2
  WHERE batch_id = old.batch_id;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_batch_totals_join AFTER UPDATE OF batch_id, area_m2, state, approved_on, supplied_on, withdrawn_on ON parcels WHEN new.batch_id IS NOT NULL
BEGIN
  UPDATE batch_totals SET
    parcel_count = parcel_count + 1,
    planned_count = planned_count + (new.state = 'planned'),
    planned_m2 = planned_m2 + (new.state = 'planned') * new.area_m2,
    approved_m2 = approved_m2 + (new.approved_on IS NOT NULL) * new.area_m2,
    supplied_m2 = supplied_m2 + (new.approved_on IS NOT NULL AND new.supplied_on IS NOT NULL) * new.area_m2,
    withdrawn_m2 = withdrawn_m2 + (new.approved_on IS NOT NULL AND new.withdrawn_on IS NOT NULL) * new.area_m2,
    unsupplied_m2 = unsupplied_m2 + (new.approved_on IS NOT NULL AND new.supplied_on IS NULL AND new.withdrawn_on IS NULL) * new.area_m2
  WHERE batch_id = new.batch_id;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_batch_totals_delete AFTER DELETE ON parcels WHEN old.batch_id IS NOT NULL
BEGIN
  UPDATE batch_totals SET
    parcel_count = parcel_count - 1,
    planned_count = planned_count - (old.state = 'planned'),
    planned_m2 = planned_m2 - (old.state = 'planned') * old.area_m2,
    approved_m2 = approved_m2 - (old.approved_on IS NOT NULL) * old.area_m2,
    supplied_m2 = supplied_m2 - (old.approved_on IS NOT NULL AND old.supplied_on IS NOT NULL) * old.area_m2,
    withdrawn_m2 = withdrawn_m2 - (old.approved_on IS NOT NULL AND old.withdrawn_on IS NOT NULL) * old.area_m2,
    unsupplied_m2 = unsupplied_m2 - (old.approved_on IS NOT NULL AND old.supplied_on IS NULL AND old.withdrawn_on IS NULL) * old.area_m2
  WHERE batch_id = old.batch_id;
END;
--> statement-breakpoint
-- Batches that exist already get their row, summed from their parcels.
INSERT INTO batch_totals (batch_id, parcel_count, planned_count, planned_m2, approved_m2, supplied_m2, withdrawn_m2, unsupplied_m2)
SELECT b.id, count(p.id),
  coalesce(sum(p.state = 'planned'), 0),
  coalesce(sum((p.state = 'planned') * p.area_m2), 0),
  coalesce(sum((p.approved_on IS NOT NULL) * p.area_m2), 0),
  coalesce(sum((p.approved_on IS NOT NULL AND p.supplied_on IS NOT NULL) * p.area_m2), 0),
  coalesce(sum((p.approved_on IS NOT NULL AND p.withdrawn_on IS NOT NULL) * p.area_m2), 0),
  coalesce(sum((p.approved_on IS NOT NULL AND p.supplied_on IS NULL AND p.withdrawn_on IS NULL) * p.area_m2), 0)
FROM batches b LEFT JOIN parcels p ON p.batch_id = b.id
GROUP BY b.id;

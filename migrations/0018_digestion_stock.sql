-- digestion_stock: the approvals (批而未供 docs/PRODUCT.md §5) grouped by the day each left the stock (its supply or
-- withdrawal, 9999-12-31 while it is still in the stock), its approval date, town and batch (0 = none), with
-- count and area. "In the stock on D" is approved_on <= D < left_on, so every stock and digestion figure as of
-- D reads only the groups that left after D (the present stock and the year's supplies), not every approval.
-- Triggers on parcels keep it in step inside every write batch (registration, moves, corrections, edits, bulk
-- approval, seed, import), as batch_totals and chain_totals. Trigger changes do not count in changes(), so the
-- guarded `… WHERE changes() = 1` writes are unaffected. No CASE in trigger bodies (wrangler's splitter).
CREATE TABLE `digestion_stock` (
	`left_on` text NOT NULL,
	`approved_on` text NOT NULL,
	`town` text NOT NULL,
	`batch_id` integer NOT NULL,
	`count` integer NOT NULL,
	`area_m2` integer NOT NULL,
	PRIMARY KEY(`left_on`, `approved_on`, `town`, `batch_id`)
);
--> statement-breakpoint
INSERT INTO digestion_stock (left_on, approved_on, town, batch_id, count, area_m2)
SELECT min(coalesce(supplied_on, '9999-12-31'), coalesce(withdrawn_on, '9999-12-31')), approved_on, town,
  coalesce(batch_id, 0), count(*), sum(area_m2)
FROM parcels WHERE approved_on IS NOT NULL GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER parcels_digestion_stock_insert AFTER INSERT ON parcels WHEN new.approved_on IS NOT NULL
BEGIN
  INSERT INTO digestion_stock (left_on, approved_on, town, batch_id, count, area_m2)
  VALUES (min(coalesce(new.supplied_on, '9999-12-31'), coalesce(new.withdrawn_on, '9999-12-31')), new.approved_on,
    new.town, coalesce(new.batch_id, 0), 1, new.area_m2)
  ON CONFLICT (left_on, approved_on, town, batch_id) DO UPDATE SET count = count + 1, area_m2 = area_m2 + excluded.area_m2;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_digestion_stock_leave AFTER UPDATE OF approved_on, supplied_on, withdrawn_on, town, batch_id, area_m2 ON parcels
  WHEN old.approved_on IS NOT NULL AND (old.approved_on IS NOT new.approved_on OR old.supplied_on IS NOT new.supplied_on
    OR old.withdrawn_on IS NOT new.withdrawn_on OR old.town IS NOT new.town OR old.batch_id IS NOT new.batch_id
    OR old.area_m2 IS NOT new.area_m2)
BEGIN
  UPDATE digestion_stock SET count = count - 1, area_m2 = area_m2 - old.area_m2
  WHERE left_on = min(coalesce(old.supplied_on, '9999-12-31'), coalesce(old.withdrawn_on, '9999-12-31'))
    AND approved_on = old.approved_on AND town = old.town AND batch_id = coalesce(old.batch_id, 0);
  DELETE FROM digestion_stock
  WHERE left_on = min(coalesce(old.supplied_on, '9999-12-31'), coalesce(old.withdrawn_on, '9999-12-31'))
    AND approved_on = old.approved_on AND town = old.town AND batch_id = coalesce(old.batch_id, 0) AND count = 0;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_digestion_stock_join AFTER UPDATE OF approved_on, supplied_on, withdrawn_on, town, batch_id, area_m2 ON parcels
  WHEN new.approved_on IS NOT NULL AND (old.approved_on IS NOT new.approved_on OR old.supplied_on IS NOT new.supplied_on
    OR old.withdrawn_on IS NOT new.withdrawn_on OR old.town IS NOT new.town OR old.batch_id IS NOT new.batch_id
    OR old.area_m2 IS NOT new.area_m2)
BEGIN
  INSERT INTO digestion_stock (left_on, approved_on, town, batch_id, count, area_m2)
  VALUES (min(coalesce(new.supplied_on, '9999-12-31'), coalesce(new.withdrawn_on, '9999-12-31')), new.approved_on,
    new.town, coalesce(new.batch_id, 0), 1, new.area_m2)
  ON CONFLICT (left_on, approved_on, town, batch_id) DO UPDATE SET count = count + 1, area_m2 = area_m2 + excluded.area_m2;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_digestion_stock_delete AFTER DELETE ON parcels WHEN old.approved_on IS NOT NULL
BEGIN
  UPDATE digestion_stock SET count = count - 1, area_m2 = area_m2 - old.area_m2
  WHERE left_on = min(coalesce(old.supplied_on, '9999-12-31'), coalesce(old.withdrawn_on, '9999-12-31'))
    AND approved_on = old.approved_on AND town = old.town AND batch_id = coalesce(old.batch_id, 0);
  DELETE FROM digestion_stock
  WHERE left_on = min(coalesce(old.supplied_on, '9999-12-31'), coalesce(old.withdrawn_on, '9999-12-31'))
    AND approved_on = old.approved_on AND town = old.town AND batch_id = coalesce(old.batch_id, 0) AND count = 0;
END;

-- The parcel list sorts by code, area, approval date or state and pages by keyset in each order
-- (issue 10 item 4): one index per order, the id last so equal keys keep a stable order. The code's
-- UNIQUE index already ends in the rowid.
CREATE INDEX `parcels_area_idx` ON `parcels` (`area_m2`, `id`);
--> statement-breakpoint
-- Chain order and "approved, unapproved ('') last" are kept as plain columns, not index expressions:
-- SQLite uses a row-value range `(key, id) < (?, ?)` on indexed columns but not on indexed expressions,
-- and a keyset page must start at its cursor, not walk every row before it. Triggers keep them (no
-- write path names them); they are left out of the drizzle schema so no insert or select carries them.
ALTER TABLE `parcels` ADD COLUMN `sort_state` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `parcels` ADD COLUMN `sort_approved` text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE `parcels` SET
  `sort_state` = instr('planned approved acquired reserved supplied started completed withdrawn', `state`),
  `sort_approved` = coalesce(`approved_on`, '');
--> statement-breakpoint
CREATE TRIGGER parcels_sort_keys_insert AFTER INSERT ON parcels
BEGIN
  UPDATE parcels SET
    sort_state = instr('planned approved acquired reserved supplied started completed withdrawn', new.state),
    sort_approved = coalesce(new.approved_on, '')
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_sort_keys_update AFTER UPDATE OF state, approved_on ON parcels
  WHEN old.state IS NOT new.state OR old.approved_on IS NOT new.approved_on
BEGIN
  UPDATE parcels SET
    sort_state = instr('planned approved acquired reserved supplied started completed withdrawn', new.state),
    sort_approved = coalesce(new.approved_on, '')
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE INDEX `parcels_state_sort_idx` ON `parcels` (`sort_state`, `id`);
--> statement-breakpoint
CREATE INDEX `parcels_approved_sort_idx` ON `parcels` (`sort_approved`, `id`);
--> statement-breakpoint
-- The approval-year filter pages newest first within a year.
CREATE INDEX `parcels_approval_year_idx` ON `parcels` (substr(`approved_on`, 1, 4), `id`);
--> statement-breakpoint
-- The batch filter names a batch (its 名称), resolved to ids through this index.
CREATE INDEX `batches_name_idx` ON `batches` (`name`);

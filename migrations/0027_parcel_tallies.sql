-- Count and area of the parcels for every combination of the list's filters (issue 10 item 4): state,
-- town, land use, batch and approval year, each either a value or "any" ('*' for text, -1 for the batch).
-- A parcel adds itself to the 32 rows its values fall under (2 choices × 5 filters), so the list's
-- "共 N 宗，M 亩" is one primary-key read for any filter, never a walk over the matching parcels.
-- batch_key 0 = no batch; approval_year '' = not approved. Triggers keep it on every parcel write;
-- trigger changes do not count in changes(), so the guarded `… WHERE changes() = 1` writes are unaffected.
CREATE TABLE `parcel_tallies` (
	`state` text NOT NULL,
	`town` text NOT NULL,
	`land_use` text NOT NULL,
	`batch_key` integer NOT NULL,
	`approval_year` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`area_m2` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY (`state`, `town`, `land_use`, `batch_key`, `approval_year`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER parcels_tallies_insert AFTER INSERT ON parcels
BEGIN
  INSERT OR IGNORE INTO parcel_tallies (state, town, land_use, batch_key, approval_year)
  SELECT s.v, t.v, u.v, b.v, y.v
  FROM (SELECT new.state AS v UNION ALL SELECT '*') s,
    (SELECT new.town AS v UNION ALL SELECT '*') t,
    (SELECT new.land_use AS v UNION ALL SELECT '*') u,
    (SELECT coalesce(new.batch_id, 0) AS v UNION ALL SELECT -1) b,
    (SELECT coalesce(substr(new.approved_on, 1, 4), '') AS v UNION ALL SELECT '*') y;
  UPDATE parcel_tallies SET count = count + 1, area_m2 = area_m2 + new.area_m2
  WHERE state IN (new.state, '*') AND town IN (new.town, '*') AND land_use IN (new.land_use, '*')
    AND batch_key IN (coalesce(new.batch_id, 0), -1)
    AND approval_year IN (coalesce(substr(new.approved_on, 1, 4), ''), '*');
END;
--> statement-breakpoint
CREATE TRIGGER parcels_tallies_update AFTER UPDATE OF state, town, land_use, batch_id, approved_on, area_m2 ON parcels
  WHEN old.state IS NOT new.state OR old.town IS NOT new.town OR old.land_use IS NOT new.land_use
    OR old.batch_id IS NOT new.batch_id OR old.area_m2 IS NOT new.area_m2
    OR substr(old.approved_on, 1, 4) IS NOT substr(new.approved_on, 1, 4)
BEGIN
  UPDATE parcel_tallies SET count = count - 1, area_m2 = area_m2 - old.area_m2
  WHERE state IN (old.state, '*') AND town IN (old.town, '*') AND land_use IN (old.land_use, '*')
    AND batch_key IN (coalesce(old.batch_id, 0), -1)
    AND approval_year IN (coalesce(substr(old.approved_on, 1, 4), ''), '*');
  INSERT OR IGNORE INTO parcel_tallies (state, town, land_use, batch_key, approval_year)
  SELECT s.v, t.v, u.v, b.v, y.v
  FROM (SELECT new.state AS v UNION ALL SELECT '*') s,
    (SELECT new.town AS v UNION ALL SELECT '*') t,
    (SELECT new.land_use AS v UNION ALL SELECT '*') u,
    (SELECT coalesce(new.batch_id, 0) AS v UNION ALL SELECT -1) b,
    (SELECT coalesce(substr(new.approved_on, 1, 4), '') AS v UNION ALL SELECT '*') y;
  UPDATE parcel_tallies SET count = count + 1, area_m2 = area_m2 + new.area_m2
  WHERE state IN (new.state, '*') AND town IN (new.town, '*') AND land_use IN (new.land_use, '*')
    AND batch_key IN (coalesce(new.batch_id, 0), -1)
    AND approval_year IN (coalesce(substr(new.approved_on, 1, 4), ''), '*');
END;
--> statement-breakpoint
CREATE TRIGGER parcels_tallies_delete AFTER DELETE ON parcels
BEGIN
  UPDATE parcel_tallies SET count = count - 1, area_m2 = area_m2 - old.area_m2
  WHERE state IN (old.state, '*') AND town IN (old.town, '*') AND land_use IN (old.land_use, '*')
    AND batch_key IN (coalesce(old.batch_id, 0), -1)
    AND approval_year IN (coalesce(substr(old.approved_on, 1, 4), ''), '*');
END;
--> statement-breakpoint
-- Parcels that exist already: each of the 32 groupings summed from them (k = 1 puts "any" in that place).
INSERT INTO parcel_tallies (state, town, land_use, batch_key, approval_year, count, area_m2)
SELECT iif(ks.k, '*', p.state), iif(kt.k, '*', p.town), iif(ku.k, '*', p.land_use),
  iif(kb.k, -1, coalesce(p.batch_id, 0)), iif(ky.k, '*', coalesce(substr(p.approved_on, 1, 4), '')),
  count(*), sum(p.area_m2)
FROM parcels p,
  (SELECT 0 AS k UNION ALL SELECT 1) ks, (SELECT 0 AS k UNION ALL SELECT 1) kt, (SELECT 0 AS k UNION ALL SELECT 1) ku,
  (SELECT 0 AS k UNION ALL SELECT 1) kb, (SELECT 0 AS k UNION ALL SELECT 1) ky
GROUP BY 1, 2, 3, 4, 5;

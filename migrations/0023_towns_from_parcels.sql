-- Existing free-text towns onto the managed list (issue 10 §2). The rule, kept deliberately narrow so no parcel
-- changes town by a guess:
--   1. white space around a value is dropped (ASCII space, tab, CR, LF and the full-width space U+3000);
--      values entered through the app were already NFKC-normalised and trimmed on input (src/domain/fields.ts);
--   2. a value then equal, character for character, to a town's name IS that town;
--   3. any other value ("凤桥" beside "凤桥镇", a typo) becomes a town of its own, RETIRED: its parcels keep it
--      and the filters still find them, nothing is offered for new entries under it, and an admin decides on
--      /admin/towns whether to restore it or rename it.
-- Projects carry an optional town too and follow the same rule. Re-running this file changes nothing more.
UPDATE parcels SET town = trim(town, char(32, 9, 10, 13, 12288)) WHERE town <> trim(town, char(32, 9, 10, 13, 12288));
--> statement-breakpoint
UPDATE projects SET town = trim(town, char(32, 9, 10, 13, 12288))
	WHERE town IS NOT NULL AND town <> trim(town, char(32, 9, 10, 13, 12288));
--> statement-breakpoint
INSERT INTO towns (name, retired, updated_at)
	SELECT DISTINCT town, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now') FROM parcels
	WHERE town <> '' AND town NOT IN (SELECT name FROM towns);
--> statement-breakpoint
INSERT INTO towns (name, retired, updated_at)
	SELECT DISTINCT town, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now') FROM projects
	WHERE town IS NOT NULL AND town <> '' AND town NOT IN (SELECT name FROM towns);
--> statement-breakpoint
INSERT INTO town_history (town_id, action, name, at)
	SELECT id, 'migrated', name, updated_at FROM towns WHERE id NOT IN (SELECT town_id FROM town_history);

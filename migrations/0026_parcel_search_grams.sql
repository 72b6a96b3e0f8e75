-- Finding a parcel by any part of its code, name or land user (issue 10 item 4) without reading every row.
-- parcel_grams holds each two-character piece (bigram) of the three fields, ASCII letters lower-cased,
-- once per parcel; gram_counts says how many parcels hold each piece, so a search walks only the
-- rarest piece of its query and checks those few rows. Triggers on parcels keep both, so every write
-- path (form, API, bulk approval, seed, any later import) keeps them in its own batch. Plain tables,
-- not FTS5: `wrangler d1 export` refuses databases with virtual tables. Trigger bodies: no CTE (SQLite
-- forbids WITH inside a trigger), no CASE (wrangler's splitter): the pieces come from a table of positions.
CREATE TABLE `search_positions` (`i` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
-- Registration texts are at most 200 characters (src/domain/register.ts): positions 1..200 cover them.
INSERT INTO `search_positions` (`i`) SELECT value FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200]');
--> statement-breakpoint
CREATE TABLE `parcel_grams` (
	`gram` text NOT NULL,
	`parcel_id` integer NOT NULL,
	PRIMARY KEY (`gram`, `parcel_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `gram_counts` (
	`gram` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER parcel_grams_count_insert AFTER INSERT ON parcel_grams
BEGIN
  INSERT OR IGNORE INTO gram_counts (gram, n) VALUES (new.gram, 0);
  UPDATE gram_counts SET n = n + 1 WHERE gram = new.gram;
END;
--> statement-breakpoint
CREATE TRIGGER parcel_grams_count_delete AFTER DELETE ON parcel_grams
BEGIN
  UPDATE gram_counts SET n = n - 1 WHERE gram = old.gram;
END;
--> statement-breakpoint
CREATE TRIGGER parcels_grams_insert AFTER INSERT ON parcels
BEGIN
  INSERT OR IGNORE INTO parcel_grams (gram, parcel_id)
  SELECT substr(lower(new.code), i, 2), new.id FROM search_positions WHERE i < length(new.code)
  UNION ALL SELECT substr(lower(new.name), i, 2), new.id FROM search_positions WHERE i < length(new.name)
  UNION ALL SELECT substr(lower(new.land_user), i, 2), new.id FROM search_positions WHERE i < length(new.land_user);
END;
--> statement-breakpoint
CREATE TRIGGER parcels_grams_update AFTER UPDATE OF code, name, land_user ON parcels
  WHEN old.code IS NOT new.code OR old.name IS NOT new.name OR old.land_user IS NOT new.land_user
BEGIN
  DELETE FROM parcel_grams WHERE parcel_id = old.id AND gram IN (
    SELECT substr(lower(old.code), i, 2) FROM search_positions WHERE i < length(old.code)
    UNION ALL SELECT substr(lower(old.name), i, 2) FROM search_positions WHERE i < length(old.name)
    UNION ALL SELECT substr(lower(old.land_user), i, 2) FROM search_positions WHERE i < length(old.land_user));
  INSERT OR IGNORE INTO parcel_grams (gram, parcel_id)
  SELECT substr(lower(new.code), i, 2), new.id FROM search_positions WHERE i < length(new.code)
  UNION ALL SELECT substr(lower(new.name), i, 2), new.id FROM search_positions WHERE i < length(new.name)
  UNION ALL SELECT substr(lower(new.land_user), i, 2), new.id FROM search_positions WHERE i < length(new.land_user);
END;
--> statement-breakpoint
CREATE TRIGGER parcels_grams_delete AFTER DELETE ON parcels
BEGIN
  DELETE FROM parcel_grams WHERE parcel_id = old.id AND gram IN (
    SELECT substr(lower(old.code), i, 2) FROM search_positions WHERE i < length(old.code)
    UNION ALL SELECT substr(lower(old.name), i, 2) FROM search_positions WHERE i < length(old.name)
    UNION ALL SELECT substr(lower(old.land_user), i, 2) FROM search_positions WHERE i < length(old.land_user));
END;
--> statement-breakpoint
-- Parcels that exist already get their pieces (the count trigger above tallies them).
INSERT OR IGNORE INTO parcel_grams (gram, parcel_id)
SELECT substr(lower(p.code), s.i, 2), p.id FROM parcels p JOIN search_positions s ON s.i < length(p.code)
UNION ALL SELECT substr(lower(p.name), s.i, 2), p.id FROM parcels p JOIN search_positions s ON s.i < length(p.name)
UNION ALL SELECT substr(lower(p.land_user), s.i, 2), p.id FROM parcels p JOIN search_positions s ON s.i < length(p.land_user);

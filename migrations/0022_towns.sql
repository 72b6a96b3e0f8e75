-- Towns and streets (镇/街道) as managed data (issue 10 §2). A parcel keeps the town's NAME in parcels.town, so
-- every query that groups or filters by town reads it unchanged; renaming a town renames it on its parcels and
-- projects in the same batch (src/towns/writes.ts). `retired` towns stay for the parcels that carry them but are
-- no longer offered for new entries. Who added, renamed, retired or restored which town is kept in town_history,
-- append-only like annual_target_history.
CREATE TABLE `towns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`retired` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `towns_name_uq` ON `towns` (`name`);
--> statement-breakpoint
CREATE TABLE `town_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`town_id` integer NOT NULL,
	`action` text NOT NULL,
	`name` text NOT NULL,
	`previous_name` text,
	`actor_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `town_history_town_idx` ON `town_history` (`town_id`,`id`);
--> statement-breakpoint
CREATE TRIGGER town_history_no_update BEFORE UPDATE ON town_history
BEGIN
  SELECT RAISE(ABORT, 'town_history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER town_history_no_delete BEFORE DELETE ON town_history
BEGIN
  SELECT RAISE(ABORT, 'town_history is append-only');
END;
--> statement-breakpoint
-- The district's towns and streets, as the demo data names them (scripts/seed/vocabulary.ts).
INSERT INTO towns (name, updated_at) VALUES
	('凤桥镇', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('新丰镇', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('余新镇', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('大桥镇', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('七星街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('东栅街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('城南街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('建设街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('解放街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('南湖街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('新嘉街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('新兴街道', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	('长水街道', strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO town_history (town_id, action, name, at) SELECT id, 'seed', name, updated_at FROM towns;

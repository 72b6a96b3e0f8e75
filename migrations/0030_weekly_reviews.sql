-- 周进度晾晒 stored weekly reviews (docs/PRODUCT.md §8): one row per finished ISO week, written once by the
-- scheduled job and never changed. The watermarks are the highest ids each table held when the row was taken,
-- so a later read can tell cheaply whether anything dated in the week was entered or corrected since.
CREATE TABLE `weekly_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`week` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`figures` text NOT NULL,
	`last_event_id` integer NOT NULL,
	`last_parcel_id` integer NOT NULL,
	`last_project_event_id` integer NOT NULL,
	`last_problem_event_id` integer NOT NULL,
	`last_target_id` integer NOT NULL,
	`taken_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_reviews_week_uq` ON `weekly_reviews` (`week`);
--> statement-breakpoint
-- Late entries and corrections of a week are found by when they were recorded.
CREATE INDEX `events_recorded_idx` ON `parcel_events` (`recorded_at`);

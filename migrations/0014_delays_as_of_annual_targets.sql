CREATE TABLE `annual_target_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`digestion_m2` integer NOT NULL,
	`start_rate_pct` integer NOT NULL,
	`completion_rate_pct` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annual_target_history_year_idx` ON `annual_target_history` (`year`,`id`);--> statement-breakpoint
CREATE TABLE `annual_targets` (
	`year` integer PRIMARY KEY NOT NULL,
	`digestion_m2` integer NOT NULL,
	`start_rate_pct` integer DEFAULT 100 NOT NULL,
	`completion_rate_pct` integer DEFAULT 90 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `parcels` ADD `original_agreed_start_on` text;--> statement-breakpoint
CREATE INDEX `parcels_digestion_idx` ON `parcels` (`approved_on`,`supplied_on`,`withdrawn_on`,`area_m2`,`town`,`batch_id`);--> statement-breakpoint
CREATE INDEX `parcels_supplied_idx` ON `parcels` (`supplied_on`,`started_on`);--> statement-breakpoint
CREATE INDEX `parcels_agreed_completion_idx` ON `parcels` (`agreed_completion_on`,`started_on`,`completed_on`);--> statement-breakpoint
CREATE INDEX `events_reverts_idx` ON `parcel_events` (`reverts_event_id`);
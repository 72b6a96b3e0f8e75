CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`authority` text,
	`doc_no` text,
	`approved_on` text,
	`total_m2` integer,
	`agricultural_m2` integer,
	`cultivated_m2` integer,
	`unused_m2` integer,
	`new_construction_m2` integer,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `batches_approved_idx` ON `batches` (`approved_on`);--> statement-breakpoint
CREATE TABLE `chain_totals` (
	`state` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`area_m2` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `parcel_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parcel_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`on` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`note` text,
	`actor_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`version` integer NOT NULL,
	`reverts_event_id` integer,
	`idempotency_key` text,
	`response` text,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_parcel_idx` ON `parcel_events` (`parcel_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_on_idx` ON `parcel_events` (`on`);--> statement-breakpoint
CREATE UNIQUE INDEX `events_idempotency_uq` ON `parcel_events` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `parcels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`town` text NOT NULL,
	`land_use` text NOT NULL,
	`origin` text NOT NULL,
	`area_m2` integer NOT NULL,
	`state` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`batch_id` integer,
	`project_id` integer,
	`last_moved_on` text,
	`approved_on` text,
	`approval_doc_no` text,
	`acquired_on` text,
	`acquisition_doc_no` text,
	`reserved_on` text,
	`reserve_no` text,
	`supplied_on` text,
	`supply_method` text,
	`supply_doc_no` text,
	`land_user` text,
	`price_yuan` integer,
	`agreed_start_on` text,
	`agreed_completion_on` text,
	`supervision_no` text,
	`started_on` text,
	`permit_no` text,
	`completed_on` text,
	`withdrawn_on` text,
	`withdrawal_doc_no` text,
	`withdrawal_reason` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parcels_code_uq` ON `parcels` (`code`);--> statement-breakpoint
CREATE INDEX `parcels_state_idx` ON `parcels` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `parcels_town_idx` ON `parcels` (`town`,`id`);--> statement-breakpoint
CREATE INDEX `parcels_batch_idx` ON `parcels` (`batch_id`,`state`);--> statement-breakpoint
CREATE INDEX `parcels_project_idx` ON `parcels` (`project_id`);--> statement-breakpoint
CREATE INDEX `parcels_land_use_idx` ON `parcels` (`land_use`,`id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);
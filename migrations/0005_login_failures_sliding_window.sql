CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE INDEX `login_failures_at_idx` ON `login_failures` (`at`);--> statement-breakpoint
CREATE TABLE `login_locks` (
	`key` text PRIMARY KEY NOT NULL,
	`locked_until` text NOT NULL
);
--> statement-breakpoint
DROP TABLE `login_throttle`;
CREATE TABLE `log_retention` (
	`id` integer PRIMARY KEY NOT NULL,
	`days` integer NOT NULL,
	CONSTRAINT "log_retention_one_row" CHECK("log_retention"."id" = 1),
	CONSTRAINT "log_retention_min_days" CHECK("log_retention"."days" >= 30)
);
--> statement-breakpoint
ALTER TABLE `security_log` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `security_log` ADD `last_at` text;--> statement-breakpoint
ALTER TABLE `security_log` ADD `window_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `security_log_window_uq` ON `security_log` (`window_key`);--> statement-breakpoint
CREATE INDEX `security_log_kind_idx` ON `security_log` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `security_log_actor_idx` ON `security_log` (`actor_name`,`id`);--> statement-breakpoint
CREATE INDEX `security_log_at_idx` ON `security_log` (`at`);
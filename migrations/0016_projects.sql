CREATE TABLE `calendar_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`note` text,
	`actor_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`holidays` text DEFAULT '[]' NOT NULL,
	`workdays` text DEFAULT '[]' NOT NULL,
	`source` text DEFAULT 'admin' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `duration_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`milestone` text NOT NULL,
	`days` integer NOT NULL,
	`unit` text NOT NULL,
	`note` text NOT NULL,
	`actor_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `milestone_durations` (
	`milestone` text PRIMARY KEY NOT NULL,
	`days` integer NOT NULL,
	`unit` text NOT NULL,
	`note` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `problem_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`problem_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`actor_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problem_events_project_idx` ON `problem_events` (`project_id`,`id`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`text` text NOT NULL,
	`milestone` text NOT NULL,
	`unit` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problems_project_idx` ON `problems` (`project_id`,`id`);--> statement-breakpoint
CREATE INDEX `problems_status_idx` ON `problems` (`status`,`project_id`);--> statement-breakpoint
CREATE TABLE `project_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`reason` text,
	`actor_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_events_project_idx` ON `project_events` (`project_id`,`id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`owner` text NOT NULL,
	`category` text NOT NULL,
	`leader` text NOT NULL,
	`department` text NOT NULL,
	`town` text,
	`siting_doc_no` text,
	`siting_on` text,
	`target_start_on` text NOT NULL,
	`target_completion_on` text NOT NULL,
	`baseline_plan` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_category_idx` ON `projects` (`category`,`id`);--> statement-breakpoint
CREATE INDEX `projects_leader_idx` ON `projects` (`leader`,`id`);--> statement-breakpoint
CREATE INDEX `projects_name_idx` ON `projects` (`name`);
-- Ledger imports (台账导入): every upload checked is one row here, with who, when, the file and the
-- result (refused with its report, staged, published, undone). Its rows are staged as JSON in import_rows and published with set-based SQL in one batch.
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_kind` text NOT NULL,
	`encoding` text,
	`sheet` text,
	`row_count` integer NOT NULL,
	`batch_count` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`report` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`undone_by` integer,
	`undone_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "imports_status" CHECK("imports"."status" IN ('refused', 'staged', 'published', 'undone'))
);
--> statement-breakpoint
CREATE INDEX `imports_created` ON `imports` (`id` DESC);
--> statement-breakpoint
-- A row's registration, final columns and events as one JSON value: a statement carries many rows
-- while binding few parameters (D1 allows 100 a statement).
CREATE TABLE `import_rows` (
	`import_id` integer NOT NULL,
	`row_no` integer NOT NULL,
	`payload` text NOT NULL,
	PRIMARY KEY(`import_id`, `row_no`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Batches the ledger names that the database does not have yet: created by the publish.
CREATE TABLE `import_batches` (
	`import_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`doc_no` text,
	`approved_on` text,
	PRIMARY KEY(`import_id`, `name`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- A header mapping chosen once is remembered for the next file with the same header row.
CREATE TABLE `import_mappings` (
	`signature` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `parcels` ADD `import_id` integer REFERENCES imports(id);
--> statement-breakpoint
ALTER TABLE `parcel_events` ADD `import_id` integer REFERENCES imports(id);
--> statement-breakpoint
ALTER TABLE `batches` ADD `import_id` integer REFERENCES imports(id);
--> statement-breakpoint
CREATE INDEX `parcels_import` ON `parcels` (`import_id`) WHERE `import_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `parcel_events_import` ON `parcel_events` (`import_id`) WHERE `import_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `batches_import` ON `batches` (`import_id`) WHERE `import_id` IS NOT NULL;

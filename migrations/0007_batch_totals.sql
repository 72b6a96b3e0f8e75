CREATE TABLE `batch_totals` (
	`batch_id` integer PRIMARY KEY NOT NULL,
	`parcel_count` integer DEFAULT 0 NOT NULL,
	`planned_count` integer DEFAULT 0 NOT NULL,
	`planned_m2` integer DEFAULT 0 NOT NULL,
	`approved_m2` integer DEFAULT 0 NOT NULL,
	`supplied_m2` integer DEFAULT 0 NOT NULL,
	`withdrawn_m2` integer DEFAULT 0 NOT NULL,
	`unsupplied_m2` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);

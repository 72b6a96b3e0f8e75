ALTER TABLE `parcels` ADD `original_agreed_start_on` text;--> statement-breakpoint
CREATE INDEX `events_reverts_idx` ON `parcel_events` (`reverts_event_id`);
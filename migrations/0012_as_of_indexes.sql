CREATE INDEX `parcels_digestion_idx` ON `parcels` (`approved_on`,`supplied_on`,`withdrawn_on`,`area_m2`,`town`,`batch_id`);--> statement-breakpoint
CREATE INDEX `parcels_supplied_idx` ON `parcels` (`supplied_on`,`started_on`);--> statement-breakpoint
CREATE INDEX `parcels_agreed_completion_idx` ON `parcels` (`agreed_completion_on`,`started_on`,`completed_on`);
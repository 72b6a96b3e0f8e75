-- The digestion work list (批而未供, oldest approval first) and the idle-land list (供而未用) page by keyset.
-- parcels_stock_idx: the day a parcel left the stock (its supply or withdrawal, 9999-12-31 while still in it),
-- then the approval date: the present stock is one contiguous run in (approved_on, id) order, and the parcels
-- that left after a past D are one range. The queries spell the expression exactly so (src/digestion/queries.ts).
CREATE INDEX `parcels_stock_idx` ON `parcels` (min(coalesce(`supplied_on`, '9999-12-31'), coalesce(`withdrawn_on`, '9999-12-31')), `approved_on`);
--> statement-breakpoint
-- parcels_unstarted_idx: supplied parcels not yet started (started_on NULL) in (supplied_on, id) order, and
-- those started after a past D as one range (src/idle-land/queries.ts); it carries what the idle totals sum
-- (agreed starts, town, area, price), so the totals read no parcel row.
CREATE INDEX `parcels_unstarted_idx` ON `parcels` (`started_on`, `supplied_on`, `id`, `agreed_start_on`, `original_agreed_start_on`, `town`, `area_m2`, `price_yuan`);
--> statement-breakpoint
-- parcels_use_rates_idx: start and completion rates sum over every supply by E; this index covers the columns
-- they compare, so the rates read the index alone.
CREATE INDEX `parcels_use_rates_idx` ON `parcels` (`supplied_on`, `agreed_start_on`, `original_agreed_start_on`, `started_on`, `agreed_completion_on`, `completed_on`, `area_m2`);
--> statement-breakpoint
-- parcels_unstarted_start_idx: the idle-land early warnings, unstarted parcels whose agreed start is still ahead,
-- nearest first (src/idle-land/queries.ts warningGroupQuery).
CREATE INDEX `parcels_unstarted_start_idx` ON `parcels` (`started_on`, `agreed_start_on`);

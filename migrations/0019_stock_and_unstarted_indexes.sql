-- The digestion work list (批而未供, oldest approval first) and the idle-land list (供而未用) page by keyset.
-- parcels_stock_idx: the day a parcel left the stock (its supply or withdrawal, 9999-12-31 while still in it),
-- then the approval date: the present stock is one contiguous run in (approved_on, id) order, and the parcels
-- that left after a past D are one range. The queries spell the expression exactly so (src/digestion/queries.ts).
CREATE INDEX `parcels_stock_idx` ON `parcels` (min(coalesce(`supplied_on`, '9999-12-31'), coalesce(`withdrawn_on`, '9999-12-31')), `approved_on`);
--> statement-breakpoint
-- parcels_unstarted_idx: supplied parcels not yet started (started_on NULL) in (supplied_on, id) order, and
-- those started after a past D as one range (src/idle-land/queries.ts).
CREATE INDEX `parcels_unstarted_idx` ON `parcels` (`started_on`, `supplied_on`);

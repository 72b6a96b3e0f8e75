-- The weekly review page's first view of a stored week (src/reviews/first-view.ts): the review with its long
-- lists cut to the rows the page shows first, and their full lengths, written once beside `figures` by the
-- scheduled job, so the page reads a few kilobytes instead of the whole review. Weeks stored before stay null
-- and the page cuts their figures itself.
ALTER TABLE `weekly_reviews` ADD `first_view` text;
--> statement-breakpoint
ALTER TABLE `weekly_reviews` ADD `first_view_totals` text;

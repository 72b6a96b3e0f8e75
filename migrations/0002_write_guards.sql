CREATE TABLE `write_guards` (
	`ok` integer NOT NULL,
	CONSTRAINT "write_guard_failed" CHECK("write_guards"."ok" = 1)
);

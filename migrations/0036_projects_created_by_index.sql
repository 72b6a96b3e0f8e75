-- projects_created_by_idx: a lead's own projects are those they created or lead (src/home/queries.ts). With
-- projects_leader_idx this lets SQLite find them by a MULTI-INDEX OR instead of reading every project.
CREATE INDEX `projects_created_by_idx` ON `projects` (`created_by`);

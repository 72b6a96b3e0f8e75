-- Plan history, problem history and the calendar/duration change logs are the audit record: append-only.
CREATE TRIGGER project_events_no_update BEFORE UPDATE ON project_events
BEGIN
  SELECT RAISE(ABORT, 'project_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER project_events_no_delete BEFORE DELETE ON project_events
BEGIN
  SELECT RAISE(ABORT, 'project_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER problem_events_no_update BEFORE UPDATE ON problem_events
BEGIN
  SELECT RAISE(ABORT, 'problem_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER problem_events_no_delete BEFORE DELETE ON problem_events
BEGIN
  SELECT RAISE(ABORT, 'problem_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER calendar_changes_no_update BEFORE UPDATE ON calendar_changes
BEGIN
  SELECT RAISE(ABORT, 'calendar_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER calendar_changes_no_delete BEFORE DELETE ON calendar_changes
BEGIN
  SELECT RAISE(ABORT, 'calendar_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER duration_changes_no_update BEFORE UPDATE ON duration_changes
BEGIN
  SELECT RAISE(ABORT, 'duration_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER duration_changes_no_delete BEFORE DELETE ON duration_changes
BEGIN
  SELECT RAISE(ABORT, 'duration_changes is append-only');
END;
--> statement-breakpoint
-- The defaults of src/domain/schedule.ts DEFAULT_DURATIONS (docs/PRODUCT.md §12), editable at /admin/durations.
INSERT INTO milestone_durations (milestone, days, unit, note) VALUES
  ('siting', 60, 'calendar', '组卷至省级批准，实践值（PRODUCT §12）；含≥10个工作日的征地预公告与≥30日的补偿安置方案公告'),
  ('approval', 90, 'calendar', '批准至征收完成（公告、补偿款支付、协议），实践值（PRODUCT §12）'),
  ('acquisition', 90, 'calendar', '征收至入库45日＋入库至供地45日（出让公告≥20日、挂牌≥10日、合同≤10个工作日），实践值（PRODUCT §12）'),
  ('supply', 30, 'calendar', '实践值：合同后30日内缴清出让金（嘉土秀洲[2024]第07号），交地后拿地即开工');

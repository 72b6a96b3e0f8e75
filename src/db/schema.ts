import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  primaryKey,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

// Dates are business dates "YYYY-MM-DD" (Asia/Shanghai); *_at columns are ISO instants (UTC).
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ["admin", "officer", "lead", "viewer"] }).notNull(),
  // "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>": scheme and count travel with the hash.
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the cookie token, so a leaked table does not leak live sessions.
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// 农转用批次 land-conversion batch
export const batches = sqliteTable(
  "batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["urban", "standalone", "linked"] }).notNull(),
    authority: text("authority"),
    docNo: text("doc_no"),
    approvedOn: text("approved_on"),
    totalM2: integer("total_m2"),
    agriculturalM2: integer("agricultural_m2"),
    cultivatedM2: integer("cultivated_m2"),
    unusedM2: integer("unused_m2"),
    newConstructionM2: integer("new_construction_m2"),
    note: text("note"),
    version: integer("version").notNull().default(1),
    // Created by this ledger import (named in the ledger, not yet in the database).
    importId: integer("import_id").references((): AnySQLiteColumn => imports.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("batches_approved_idx").on(t.approvedOn),
    // The parcel list's batch filter names a batch; resolved to ids through this index.
    index("batches_name_idx").on(t.name),
    // The pickers' newest-first order, unapproved on top (migration 0038).
    index("batches_newest_idx").on(sql`coalesce(${t.approvedOn}, '9999-12-31')`),
  ],
);

export const parcels = sqliteTable(
  "parcels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(), // 宗地编号
    name: text("name").notNull(), // 坐落
    town: text("town").notNull(), // 镇/街道
    landUse: text("land_use").notNull(),
    origin: text("origin", { enum: ["collective", "state"] }).notNull(),
    areaM2: integer("area_m2").notNull(),
    state: text("state").notNull(),
    version: integer("version").notNull().default(1),
    batchId: integer("batch_id").references(() => batches.id),
    projectId: integer("project_id"),
    // Business date of the latest effective move: the next move may not be dated before it.
    lastMovedOn: text("last_moved_on"),
    approvedOn: text("approved_on"),
    approvalDocNo: text("approval_doc_no"),
    acquiredOn: text("acquired_on"),
    acquisitionDocNo: text("acquisition_doc_no"),
    reservedOn: text("reserved_on"),
    reserveNo: text("reserve_no"),
    suppliedOn: text("supplied_on"),
    supplyMethod: text("supply_method"),
    supplyDocNo: text("supply_doc_no"),
    landUser: text("land_user"),
    // 万元 kept exactly as integer 元 (1 万元 = 10,000 元).
    priceYuan: integer("price_yuan"),
    // The agreed start in force (after government-cause delays); the supply's own date stays in original_….
    agreedStartOn: text("agreed_start_on"),
    // 原约定开工日期: a delay may reach at most one year after it (docs/PRODUCT.md §6).
    originalAgreedStartOn: text("original_agreed_start_on"),
    agreedCompletionOn: text("agreed_completion_on"),
    supervisionNo: text("supervision_no"),
    startedOn: text("started_on"),
    permitNo: text("permit_no"),
    completedOn: text("completed_on"),
    withdrawnOn: text("withdrawn_on"),
    withdrawalDocNo: text("withdrawal_doc_no"),
    withdrawalReason: text("withdrawal_reason"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
    // The ledger import that registered it (undoing the import removes it while it has not moved since).
    importId: integer("import_id").references((): AnySQLiteColumn => imports.id),
  },
  (t) => [
    uniqueIndex("parcels_code_uq").on(t.code),
    index("parcels_state_idx").on(t.state, t.id),
    index("parcels_town_idx").on(t.town, t.id),
    // An officer's usual view is "my town, in this state": both equalities in one index, pages in id order.
    index("parcels_town_state_idx").on(t.town, t.state, t.id),
    index("parcels_batch_idx").on(t.batchId, t.state),
    // The list filtered by batch pages newest first: (batch_id, id) hands rows over in order, no sort.
    index("parcels_batch_list_idx").on(t.batchId, t.id),
    index("parcels_project_idx").on(t.projectId),
    index("parcels_land_use_idx").on(t.landUse, t.id),
    // As-of digestion (docs/PRODUCT.md §5): every figure filters on approved_on and reads these columns,
    // so the index covers them and the work list walks it oldest approval first.
    index("parcels_digestion_idx").on(t.approvedOn, t.suppliedOn, t.withdrawnOn, t.areaM2, t.town, t.batchId),
    // As-of idle land (docs/PRODUCT.md §6): supplied by D, then started / agreed dates.
    index("parcels_supplied_idx").on(t.suppliedOn, t.startedOn),
    // 逾期未竣工: started parcels past their agreed completion.
    index("parcels_agreed_completion_idx").on(t.agreedCompletionOn, t.startedOn, t.completedOn),
    // The digestion work list: the day a parcel left the stock (FAR while in it), then its approval (migration 0019).
    index("parcels_stock_idx").on(
      sql`min(coalesce(${t.suppliedOn}, '9999-12-31'), coalesce(${t.withdrawnOn}, '9999-12-31'))`,
      t.approvedOn,
    ),
    // The idle-land list: not yet started (started_on NULL) in supply order, or started after a past D; it
    // carries what the idle totals sum, so they read no parcel row (migration 0019).
    index("parcels_unstarted_idx").on(
      t.startedOn,
      t.suppliedOn,
      t.id,
      t.agreedStartOn,
      t.originalAgreedStartOn,
      t.town,
      t.areaM2,
      t.priceYuan,
    ),
    // The early warnings: unstarted parcels whose agreed start is still ahead, nearest first.
    index("parcels_unstarted_start_idx").on(t.startedOn, t.agreedStartOn),
    // Start and completion rates: every column they compare, so they read the index alone.
    index("parcels_use_rates_idx").on(
      t.suppliedOn,
      t.agreedStartOn,
      t.originalAgreedStartOn,
      t.startedOn,
      t.agreedCompletionOn,
      t.completedOn,
      t.areaM2,
    ),
    // The list's sorts, each paged by keyset (src/parcels/list-sort.ts holds the same expressions).
    index("parcels_area_idx").on(t.areaM2, t.id),
    // sort_state (chain order) and sort_approved (approved_on, '' when not approved) are columns that
    // only SQL knows: triggers keep them (migration 0028) and no insert or select names them.
    index("parcels_state_sort_idx").on(sql`sort_state`, t.id),
    index("parcels_approved_sort_idx").on(sql`sort_approved`, t.id),
    // The approval-year filter, newest first within the year.
    index("parcels_approval_year_idx").on(sql`substr(${t.approvedOn}, 1, 4)`, t.id),
  ],
);

// Append-only: triggers in a custom migration refuse UPDATE and DELETE. No cascade points here.
export const parcelEvents = sqliteTable(
  "parcel_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parcelId: integer("parcel_id")
      .notNull()
      .references(() => parcels.id),
    kind: text("kind", { enum: ["move", "correction", "edit", "delay", "register"] }).notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    // Business date of the move (for a correction: the day it was recorded).
    on: text("on").notNull(),
    // The move's fields (docNo, method, ...) as JSON, or for an edit the changed fields.
    data: text("data").notNull().default("{}"),
    note: text("note"),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
    // The parcel's version once this event applied.
    version: integer("version").notNull(),
    // For a correction: the move it undoes.
    revertsEventId: integer("reverts_event_id"),
    idempotencyKey: text("idempotency_key"),
    // SHA-256 of the request that first used the key (method, path, body): a reuse with another request is refused.
    requestHash: text("request_hash"),
    // The response first given for an idempotent request, replayed verbatim.
    response: text("response"),
    // Set on the events a ledger import wrote to rebuild the parcel's history.
    importId: integer("import_id").references((): AnySQLiteColumn => imports.id),
  },
  (t) => [
    index("events_parcel_idx").on(t.parcelId, t.id),
    index("events_on_idx").on(t.on),
    // Late entries and corrections of a week, by when they were recorded (weekly review).
    index("events_recorded_idx").on(t.recordedAt),
    // "Is this delay still in force?" = no correction reverts it: looked up by the reverted id.
    index("events_reverts_idx").on(t.revertsEventId),
    uniqueIndex("events_idempotency_uq").on(t.idempotencyKey),
  ],
);

// Running totals per state for the chain strip, kept in step with parcels inside every write batch.
export const chainTotals = sqliteTable("chain_totals", {
  state: text("state").primaryKey(),
  count: integer("count").notNull().default(0),
  areaM2: integer("area_m2").notNull().default(0),
});

// 批而未供 by the day each approval left the stock (supply or withdrawal; 9999-12-31 while still in it), its
// approval date, town and batch (0 = none): count and area. Stock on D = approved_on <= D < left_on, so as-of
// digestion figures read only the groups that left after D. Kept by triggers on parcels (migration digestion_stock).
export const digestionStock = sqliteTable(
  "digestion_stock",
  {
    leftOn: text("left_on").notNull(),
    approvedOn: text("approved_on").notNull(),
    town: text("town").notNull(),
    batchId: integer("batch_id").notNull(),
    count: integer("count").notNull(),
    areaM2: integer("area_m2").notNull(),
  },
  (t) => [primaryKey({ columns: [t.leftOn, t.approvedOn, t.town, t.batchId] })],
);

// Search (issue 10): each two-character piece of a parcel's code, name and land user, ASCII lower-cased,
// once per parcel; kept by triggers on parcels (migration 0026). gram_counts: how many parcels hold a piece.
export const parcelGrams = sqliteTable(
  "parcel_grams",
  { gram: text("gram").notNull(), parcelId: integer("parcel_id").notNull() },
  (t) => [primaryKey({ columns: [t.gram, t.parcelId] })],
);
export const gramCounts = sqliteTable("gram_counts", {
  gram: text("gram").primaryKey(),
  n: integer("n").notNull().default(0),
});
// Positions 1..200, from which the triggers cut the pieces (no CTE is allowed in a trigger).
export const searchPositions = sqliteTable("search_positions", { i: integer("i").primaryKey() });

// Count and area for every combination of the list's filters, each a value or "any" ('*', batch -1);
// batch_key 0 = no batch, approval_year '' = not approved. Kept by triggers on parcels (migration 0027).
export const parcelTallies = sqliteTable(
  "parcel_tallies",
  {
    state: text("state").notNull(),
    town: text("town").notNull(),
    landUse: text("land_use").notNull(),
    batchKey: integer("batch_key").notNull(),
    approvalYear: text("approval_year").notNull(),
    count: integer("count").notNull().default(0),
    areaM2: integer("area_m2").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.state, t.town, t.landUse, t.batchKey, t.approvalYear] })],
);

// Running figures per batch (docs/PRODUCT.md §4), one row per batch. Triggers on parcels keep it in step with
// every parcel write (migration batch_totals_triggers), so batch lists read one row per batch
// instead of every parcel. Areas in m²; what each sum counts is defined in domain/batch-figures.ts.
export const batchTotals = sqliteTable("batch_totals", {
  batchId: integer("batch_id")
    .primaryKey()
    .references(() => batches.id),
  parcelCount: integer("parcel_count").notNull().default(0),
  plannedCount: integer("planned_count").notNull().default(0),
  plannedM2: integer("planned_m2").notNull().default(0),
  approvedM2: integer("approved_m2").notNull().default(0),
  suppliedM2: integer("supplied_m2").notNull().default(0),
  withdrawnM2: integer("withdrawn_m2").notNull().default(0),
  unsuppliedM2: integer("unsupplied_m2").notNull().default(0),
});

// Always empty. A bulk write adds `INSERT INTO write_guards (ok) SELECT 0 WHERE <precondition broken>`:
// the CHECK then fails that statement, and D1 rolls back the whole batch it belongs to (all or none).
export const writeGuards = sqliteTable("write_guards", { ok: integer("ok").notNull() }, (t) => [
  check("write_guard_failed", sql`${t.ok} = 1`),
]);

// 登录失败 failed logins of the last 15 minutes, one row per username ("user:…") and per client address
// ("ip:…"): counting rows gives an exact sliding window. Older rows are pruned on every failure.
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at), index("login_failures_at_idx").on(t.at)],
);

// 登录锁定 a username or address refused until locked_until, whatever password it sends.
export const loginLocks = sqliteTable("login_locks", {
  key: text("key").primaryKey(),
  lockedUntil: text("locked_until").notNull(),
});

// 安全日志 security log. Append-only by trigger, with two exceptions the triggers themselves bound: an
// aggregate row (window_key set: anonymous refusals from one address in one hour) may raise its count
// and last_at, and a row older than log_retention.days may be deleted (the scheduled cleanup).
export const securityLog = sqliteTable(
  "security_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    // Who acted: the session's user, or for a login the username typed (which may not exist).
    actorId: integer("actor_id"),
    actorName: text("actor_name"),
    // The account acted upon by an admin action.
    subjectId: integer("subject_id"),
    subjectName: text("subject_name"),
    ip: text("ip"),
    method: text("method"),
    path: text("path"),
    detail: text("detail"),
    // An aggregate's number of refusals and the time of its latest; 1 and null for an ordinary entry.
    count: integer("count").notNull().default(1),
    lastAt: text("last_at"),
    // "kind|address|hour" for an aggregate, null otherwise (NULLs never collide in a UNIQUE index).
    windowKey: text("window_key"),
  },
  (t) => [
    uniqueIndex("security_log_window_uq").on(t.windowKey),
    index("security_log_kind_idx").on(t.kind, t.id),
    index("security_log_actor_idx").on(t.actorName, t.id),
    index("security_log_at_idx").on(t.at),
  ],
);

// How long the security log keeps its entries: the delete trigger refuses any younger row. One row;
// at least 30 days, so a change of setting cannot open the log to deletion.
export const logRetention = sqliteTable(
  "log_retention",
  { id: integer("id").primaryKey(), days: integer("days").notNull() },
  (t) => [check("log_retention_one_row", sql`${t.id} = 1`), check("log_retention_min_days", sql`${t.days} >= 30`)],
);

// 年度目标 the year's targets (issue 9 §3): digestion area (set in 亩, kept in integer m²) and the start and
// completion rates in percent. One row a year, version-guarded; every change also appends a history row.
export const annualTargets = sqliteTable("annual_targets", {
  year: integer("year").primaryKey(),
  digestionM2: integer("digestion_m2").notNull(),
  startRatePct: integer("start_rate_pct").notNull().default(100),
  completionRatePct: integer("completion_rate_pct").notNull().default(90),
  version: integer("version").notNull().default(1),
  updatedBy: integer("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

// Who set which target when. Append-only: triggers in a custom migration refuse UPDATE and DELETE.
export const annualTargetHistory = sqliteTable(
  "annual_target_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    digestionM2: integer("digestion_m2").notNull(),
    startRatePct: integer("start_rate_pct").notNull(),
    completionRatePct: integer("completion_rate_pct").notNull(),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("annual_target_history_year_idx").on(t.year, t.id)],
);

// 重大项目 major project (docs/PRODUCT.md §7). `baseline_plan` is the first backward schedule, frozen as JSON
// ({siting, approval, …, completion}); the current plan is worked out from the targets on every read.
export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    owner: text("owner").notNull(), // 业主单位
    category: text("category", { enum: ["provincial", "municipal", "district", "general"] }).notNull(),
    leader: text("leader").notNull(),
    department: text("department").notNull(),
    town: text("town"),
    sitingDocNo: text("siting_doc_no"), // 预审与选址意见书文号
    sitingOn: text("siting_on"),
    targetStartOn: text("target_start_on").notNull(),
    targetCompletionOn: text("target_completion_on").notNull(),
    baselinePlan: text("baseline_plan").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("projects_category_idx").on(t.category, t.id),
    index("projects_leader_idx").on(t.leader, t.id),
    index("projects_name_idx").on(t.name),
    // A lead's own projects, with projects_leader_idx: created by them or led by them (migration 0036).
    index("projects_created_by_idx").on(t.createdBy),
  ],
);

// Plan history: created (the baseline) and every re-plan with its reason. Append-only (triggers).
export const projectEvents = sqliteTable(
  "project_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    kind: text("kind", { enum: ["created", "replanned"] }).notNull(),
    // Targets before/after and the plan they gave, as JSON.
    data: text("data").notNull().default("{}"),
    reason: text("reason"),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [index("project_events_project_idx").on(t.projectId, t.id)],
);

// 问题清单 a project's problems register.
export const problems = sqliteTable(
  "problems",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    text: text("text").notNull(),
    milestone: text("milestone").notNull(),
    unit: text("unit").notNull(), // 责任单位
    owner: text("owner").notNull(),
    dueOn: text("due_on"),
    status: text("status", { enum: ["open", "resolved"] })
      .notNull()
      .default("open"),
    resolution: text("resolution"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [index("problems_project_idx").on(t.projectId, t.id), index("problems_status_idx").on(t.status, t.projectId)],
);

// Every change of a problem, append-only (triggers): the fields as they became.
export const problemEvents = sqliteTable(
  "problem_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id),
    projectId: integer("project_id").notNull(),
    kind: text("kind", { enum: ["created", "updated"] }).notNull(),
    data: text("data").notNull().default("{}"),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [index("problem_events_project_idx").on(t.projectId, t.id)],
);

// 工作日历 a year's arrangement entered by an admin; it replaces the package's (or the provisional) year.
export const calendarYears = sqliteTable("calendar_years", {
  year: integer("year").primaryKey(),
  holidays: text("holidays").notNull().default("[]"), // JSON array of YYYY-MM-DD
  workdays: text("workdays").notNull().default("[]"), // 调休 make-up working days
  source: text("source").notNull().default("admin"),
  version: integer("version").notNull().default(1),
  updatedAt: text("updated_at").notNull(),
});

// Append-only log of calendar changes (triggers).
export const calendarChanges = sqliteTable("calendar_changes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  year: integer("year").notNull(),
  holidays: text("holidays").notNull(),
  workdays: text("workdays").notNull(),
  note: text("note"),
  actorId: integer("actor_id")
    .notNull()
    .references(() => users.id),
  recordedAt: text("recorded_at").notNull(),
});

// Standard duration of each scheduled segment (docs/PRODUCT.md §12), seeded with the defaults.
export const milestoneDurations = sqliteTable("milestone_durations", {
  milestone: text("milestone").primaryKey(),
  days: integer("days").notNull(),
  unit: text("unit", { enum: ["working", "calendar"] }).notNull(),
  note: text("note").notNull(),
  version: integer("version").notNull().default(1),
});

// Append-only log of duration changes (triggers).
export const durationChanges = sqliteTable("duration_changes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  milestone: text("milestone").notNull(),
  days: integer("days").notNull(),
  unit: text("unit").notNull(),
  note: text("note").notNull(),
  actorId: integer("actor_id")
    .notNull()
    .references(() => users.id),
  recordedAt: text("recorded_at").notNull(),
});

// 周进度晾晒 a finished week's review as reported (docs/PRODUCT.md §8): written once by the scheduled job,
// append-only (triggers refuse UPDATE and DELETE). `figures` is the review's JSON; the watermarks are the
// highest ids of the tables it was read from, so a later read can tell whether anything changed since.
// `first_view` is the same review with its long lists cut to what the page shows first, and
// `first_view_totals` those lists' full lengths (src/reviews/first-view.ts; null in weeks stored before migration 0037).
export const weeklyReviews = sqliteTable(
  "weekly_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    week: text("week").notNull(),
    startOn: text("start_on").notNull(),
    endOn: text("end_on").notNull(),
    figures: text("figures").notNull(),
    lastEventId: integer("last_event_id").notNull(),
    lastParcelId: integer("last_parcel_id").notNull(),
    lastProjectEventId: integer("last_project_event_id").notNull(),
    lastProblemEventId: integer("last_problem_event_id").notNull(),
    lastTargetId: integer("last_target_id").notNull(),
    takenAt: text("taken_at").notNull(),
    firstView: text("first_view"),
    firstViewTotals: text("first_view_totals"),
  },
  (t) => [uniqueIndex("weekly_reviews_week_uq").on(t.week)],
);

// Towns and streets (镇/街道) as managed data (issue 10 §2); parcels and projects carry the town's name. A retired
// town stays for the rows that carry it and is no longer offered for new entries.
export const towns = sqliteTable(
  "towns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    retired: integer("retired", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("towns_name_uq").on(t.name)],
);

// Who added, renamed, retired or restored which town when. Append-only (triggers).
export const townHistory = sqliteTable(
  "town_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    action: text("action", { enum: ["seed", "migrated", "add", "rename", "retire", "restore"] }).notNull(),
    name: text("name").notNull(),
    previousName: text("previous_name"),
    actorId: integer("actor_id").references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("town_history_town_idx").on(t.townId, t.id)],
);

export type User = typeof users.$inferSelect;
export type Parcel = typeof parcels.$inferSelect;
export type ParcelEvent = typeof parcelEvents.$inferSelect;
export type Batch = typeof batches.$inferSelect;
export type SecurityLogEntry = typeof securityLog.$inferSelect;
export type BatchTotals = typeof batchTotals.$inferSelect;
export type AnnualTarget = typeof annualTargets.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type ProjectEvent = typeof projectEvents.$inferSelect;
export type ProblemRow = typeof problems.$inferSelect;
export type ProblemEvent = typeof problemEvents.$inferSelect;
export type WeeklyReview = typeof weeklyReviews.$inferSelect;

// 台账导入: every upload checked, with who, when, the file and the result (migration 0034). `report`
// holds a refused dry run's problems (JSON) for the download; the log is never deleted (trigger).
export const imports = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fileName: text("file_name").notNull(),
    fileKind: text("file_kind").notNull(),
    encoding: text("encoding"),
    sheet: text("sheet"),
    rowCount: integer("row_count").notNull(),
    batchCount: integer("batch_count").notNull().default(0),
    status: text("status", { enum: ["refused", "staged", "published", "undone"] }).notNull(),
    report: text("report"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    undoneBy: integer("undone_by").references(() => users.id),
    undoneAt: text("undone_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("imports_created").on(t.id)],
);

// One staged ledger row: its registration, final columns and events as JSON, published set-based.
export const importRows = sqliteTable(
  "import_rows",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    rowNo: integer("row_no").notNull(),
    payload: text("payload").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
);

// Batches a ledger names that the database lacks: the publish creates them.
export const importBatches = sqliteTable(
  "import_batches",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["urban", "standalone", "linked"] }).notNull(),
    docNo: text("doc_no"),
    approvedOn: text("approved_on"),
  },
  (t) => [primaryKey({ columns: [t.importId, t.name] })],
);

// A header row's mapping chosen by an officer, remembered for the next file with the same headers.
export const importMappings = sqliteTable("import_mappings", {
  signature: text("signature").primaryKey(),
  mapping: text("mapping").notNull(),
  updatedBy: integer("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});
export type Import = typeof imports.$inferSelect;
export type Town = typeof towns.$inferSelect;
export type TownHistory = typeof townHistory.$inferSelect;

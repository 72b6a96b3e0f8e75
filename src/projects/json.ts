import type { ProblemEvent, ProblemRow, Project, ProjectEvent } from "../db/schema";
import { areaFields } from "../domain/area";
import type { ParcelFactRow } from "./queries";
import type { Schedule } from "./schedule";

// Rows → the API's JSON shapes (docs/PRODUCT.md §9): camelCase keys, dates YYYY-MM-DD, areas as the triple.

export function projectSummaryJson(p: Project, s: Schedule) {
  return {
    id: p.id,
    name: p.name,
    owner: p.owner,
    category: p.category,
    leader: p.leader,
    department: p.department,
    town: p.town,
    sitingDocNo: p.sitingDocNo,
    sitingOn: p.sitingOn,
    targetStartOn: p.targetStartOn,
    targetCompletionOn: p.targetCompletionOn,
    version: p.version,
    status: s.status,
    criticalMilestone: s.critical,
    provisionalYears: s.provisionalYears,
    milestones: s.rows.map((r) => ({
      key: r.milestone,
      plannedOn: r.plannedOn,
      baselineOn: r.baselineOn,
      actualOn: r.actualOn,
      status: r.status,
      slackDays: r.slackDays,
      slipDays: r.slipDays,
    })),
  };
}

export function parcelFactJson(p: ParcelFactRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    town: p.town,
    state: p.state,
    version: p.version,
    ...areaFields(p.areaM2),
    approvedOn: p.approvedOn,
    acquiredOn: p.acquiredOn,
    suppliedOn: p.suppliedOn,
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    withdrawnOn: p.withdrawnOn,
  };
}

export function problemJson(p: ProblemRow, asOf: string) {
  return {
    id: p.id,
    projectId: p.projectId,
    text: p.text,
    milestone: p.milestone,
    unit: p.unit,
    owner: p.owner,
    dueOn: p.dueOn,
    status: p.status,
    resolution: p.resolution,
    version: p.version,
    // 逾期: open and past its due date on the as-of day.
    overdue: p.status === "open" && p.dueOn !== null && asOf > p.dueOn,
  };
}

const parsed = (json: string): unknown => JSON.parse(json);

export const projectEventJson = (e: ProjectEvent) => ({
  id: e.id,
  kind: e.kind,
  reason: e.reason,
  data: parsed(e.data),
  actorId: e.actorId,
  recordedAt: e.recordedAt,
  version: e.version,
});

export const problemEventJson = (e: ProblemEvent) => ({
  id: e.id,
  problemId: e.problemId,
  kind: e.kind,
  data: parsed(e.data),
  actorId: e.actorId,
  recordedAt: e.recordedAt,
  version: e.version,
});

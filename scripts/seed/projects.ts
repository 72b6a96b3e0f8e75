// Demo major projects (docs/PRODUCT.md §10, issue 12): about a dozen of the work summary's kind over the demo's
// parcels, in every status, with the usual problems and one re-planned project. A separate PRNG, so the
// rest of the demo data is the same with or without them. At bench size, one project per 100 parcels.
import type { Parcel, ProblemEvent, ProblemRow, Project, ProjectEvent } from "../../src/db/schema";
import { DEFAULT_CALENDAR } from "../../src/domain/calendar-default";
import { addDays } from "../../src/domain/dates";
import { backwardSchedule, DEFAULT_DURATIONS, MILESTONES } from "../../src/domain/schedule";
import { blockLast } from "./project-blocker";
import { Rng } from "./random";

export type ProjectSeed = {
  projects: Project[];
  projectEvents: ProjectEvent[];
  problems: ProblemRow[];
  problemEvents: ProblemEvent[];
};

const NAMES = [
  "亚太路科创走廊一期",
  "亚太路科创走廊二期",
  "东栅片区中央公园东",
  "枫南线站点综合开发",
  "外贸宿舍有机更新",
  "二毛二村三村有机更新",
  "百花新村有机更新",
  "三塔里有机更新",
  "南湖大道快速路改造",
  "凤桥镇智能制造产业园",
  "余新镇高端装备产业园",
  "七星街道科创邻里中心",
];
const CATEGORIES = ["provincial", "municipal", "district", "general"] as const;
const LEADERS = ["王副区长", "陈副区长", "李副区长"];
const DEPARTMENTS = ["用地保障科", "耕地保护科", "国土空间规划科"];
const TOWNS = ["凤桥镇", "新丰镇", "余新镇", "七星街道", "大桥镇", "东栅街道"];
const PROBLEMS: [string, string, (typeof MILESTONES)[number]][] = [
  ["征地款未到位", "区财政局", "acquisition"],
  ["村民有异议，需进一步做工作", "所在镇人民政府", "acquisition"],
  ["青苗、鱼塘未清表", "所在村股份经济合作社", "supply"],
  ["控规调整未批", "区规划局", "approval"],
];

/** Projects over `parcels` (their projectId is set in place), dated around `anchor`, for `actorId`. */
export function generateProjects(seed: number, parcels: Parcel[], anchor: string, actorId: number): ProjectSeed {
  const rng = new Rng(seed + 12);
  const count = Math.max(NAMES.length, Math.round(parcels.length / 100));
  const out: ProjectSeed = { projects: [], projectEvents: [], problems: [], problemEvents: [] };
  const at = `${anchor}T02:00:00.000Z`;
  const live = parcels.filter((p) => p.state !== "withdrawn");
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const name = i < NAMES.length ? NAMES[i] : `${NAMES[i % NAMES.length]}（${Math.floor(i / NAMES.length) + 1}）`;
    // From "should have started a year ago" to "starts in two years": every status appears.
    const startOn = addDays(anchor, -360 + ((i * 97) % 1100));
    const targets = { startOn, completionOn: addDays(startOn, 540) };
    const baseline = backwardSchedule(DEFAULT_CALENDAR, targets, DEFAULT_DURATIONS);
    const town = TOWNS[i % TOWNS.length];
    out.projects.push({
      id,
      name,
      owner: i % 2 ? "嘉兴市南湖新区开发建设有限公司" : "嘉兴南湖城市建设投资有限公司",
      category: CATEGORIES[i % CATEGORIES.length],
      leader: LEADERS[i % LEADERS.length],
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      town,
      sitingDocNo: i % 3 === 2 ? null : `用字第330402${anchor.slice(0, 4)}${String(id).padStart(5, "0")}号`,
      sitingOn: i % 3 === 2 ? null : addDays(baseline.siting, -rng.int(0, 20)),
      targetStartOn: targets.startOn,
      targetCompletionOn: targets.completionOn,
      baselinePlan: JSON.stringify(baseline),
      version: 1,
      createdBy: actorId,
      createdAt: at,
      updatedAt: null,
    });
    out.projectEvents.push({
      id: out.projectEvents.length + 1,
      projectId: id,
      kind: "created",
      data: JSON.stringify({ targets, plan: baseline }),
      reason: null,
      actorId,
      recordedAt: at,
      version: 1,
    });
    // Two to five parcels each, from the same town where it has enough.
    // The fifth project is finished: only completed parcels, so every milestone is done.
    const free = live.filter((p) => p.projectId === null && (i !== 4 || p.state === "completed"));
    const inTown = free.filter((p) => p.town === town);
    const pool = inTown.length >= 5 ? inTown : free;
    for (let k = rng.int(2, 5); k > 0 && pool.length; k--)
      pool.splice(rng.int(0, pool.length - 1), 1)[0].projectId = id;
    if (i % 3 !== 1) addProblem(out, rng, id, anchor, actorId, at, i % 4 === 0);
  }
  blockLast(out, NAMES.length, anchor, actorId, at);
  replanFirst(out, actorId, `${anchor}T03:00:00.000Z`);
  return out;
}

function addProblem(
  out: ProjectSeed,
  rng: Rng,
  projectId: number,
  anchor: string,
  actorId: number,
  at: string,
  resolved: boolean,
) {
  const [text, unit, milestone] = PROBLEMS[rng.int(0, PROBLEMS.length - 1)];
  const id = out.problems.length + 1;
  const dueOn = addDays(anchor, rng.int(-30, 45));
  const row: ProblemRow = {
    id,
    projectId,
    text,
    milestone,
    unit,
    owner: ["张科长", "周镇长", "吴主任"][id % 3],
    dueOn,
    status: resolved ? "resolved" : "open",
    resolution: resolved ? "已协调解决" : null,
    version: resolved ? 2 : 1,
    createdAt: at,
    updatedAt: resolved ? at : null,
  };
  out.problems.push(row);
  const base = { problemId: id, projectId, actorId, recordedAt: at };
  out.problemEvents.push({
    id: out.problemEvents.length + 1,
    ...base,
    kind: "created",
    version: 1,
    data: JSON.stringify({ text, milestone, unit, owner: row.owner, dueOn, status: "open" }),
  });
  if (resolved)
    out.problemEvents.push({
      id: out.problemEvents.length + 1,
      ...base,
      kind: "updated",
      version: 2,
      data: JSON.stringify({
        changes: { status: { from: "open", to: "resolved" }, resolution: { from: null, to: "已协调解决" } },
      }),
    });
}

/** The first project was re-planned once: start and completion 45 days later, for a stated reason. */
function replanFirst(out: ProjectSeed, actorId: number, at: string) {
  const p = out.projects[0];
  const targets = { startOn: addDays(p.targetStartOn, 45), completionOn: addDays(p.targetCompletionOn, 45) };
  const plan = backwardSchedule(DEFAULT_CALENDAR, targets, DEFAULT_DURATIONS);
  out.projectEvents.push({
    id: out.projectEvents.length + 1,
    projectId: p.id,
    kind: "replanned",
    data: JSON.stringify({ from: { startOn: p.targetStartOn, completionOn: p.targetCompletionOn }, targets, plan }),
    reason: "控规调整未批，开工顺延45天",
    actorId,
    recordedAt: at,
    version: 2,
  });
  Object.assign(p, {
    targetStartOn: targets.startOn,
    targetCompletionOn: targets.completionOn,
    version: 2,
    updatedAt: at,
  });
}

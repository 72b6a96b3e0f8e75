import type { AnnualTarget, ProblemRow, Project } from "../db/schema";
import { areaFields, muRounded } from "../domain/area";
import { progress, yearShareGone } from "../domain/burn-down";
import { CHAIN_STATES } from "../domain/chain";
import { daysBetween, shanghaiDate } from "../domain/dates";
import { idleStatus } from "../domain/idle-land";
import { lapseDate, lapseLevel } from "../domain/lapse";
import { isLateEntry, rankChange, ranks, ratio } from "../domain/review";
import { sortTowns } from "../domain/towns";
import { listOf, type ProjectStatus } from "../projects/queries";
import type { WeekEventRow } from "../parcels/queries";

// One function per section of the review (docs/PRODUCT.md §8): rows of the batch → plain JSON.

type Tally = { count: number; areaM2: number };
const sum = (rows: Tally[]) =>
  rows.reduce((a, r) => ({ count: a.count + r.count, areaM2: a.areaM2 + r.areaM2 }), { count: 0, areaM2: 0 });

/** Count and area in each state at the week's end and the change on the Sunday before. */
export function chainSection(
  rows: { stateEnd: string | null; stateBefore: string | null; count: number; areaM2: number }[],
) {
  return CHAIN_STATES.map((state) => {
    const end = sum(rows.filter((r) => r.stateEnd === state));
    const before = sum(rows.filter((r) => r.stateBefore === state));
    return {
      state,
      count: end.count,
      ...areaFields(end.areaM2),
      countBefore: before.count,
      areaMuBefore: muRounded(before.areaM2),
      deltaCount: end.count - before.count,
      deltaAreaM2: end.areaM2 - before.areaM2,
      deltaAreaMu: muRounded(end.areaM2 - before.areaM2),
    };
  });
}

const recordedOn = (at: string) => shanghaiDate(new Date(at));
const moveJson = (e: WeekEventRow) => ({
  eventId: e.id,
  parcelId: e.parcelId,
  code: e.code,
  town: e.town,
  from: e.fromState,
  to: e.toState,
  on: e.on,
  recordedOn: recordedOn(e.recordedAt),
  actor: e.actor,
  ...areaFields(e.areaM2),
  late: isLateEntry(e.on, recordedOn(e.recordedAt)),
});

/** The moves dated in the week, the late entries recorded in it for earlier dates, and its corrections. */
export function movesSection(dated: WeekEventRow[], recorded: WeekEventRow[], w: { startOn: string }) {
  const moves = [
    ...dated.map(moveJson),
    ...recorded.filter((e) => e.kind === "move" && e.on < w.startOn).map(moveJson),
  ];
  const inWeek = moves.filter((m) => m.on >= w.startOn);
  const movesByState = CHAIN_STATES.filter((s) => s !== "planned").map((to) => {
    const t = sum(inWeek.filter((m) => m.to === to).map((m) => ({ count: 1, areaM2: m.areaM2 })));
    return { to, count: t.count, ...areaFields(t.areaM2) };
  });
  const corrections = recorded
    .filter((e) => e.kind === "correction")
    .map((e) => ({
      eventId: e.id,
      parcelId: e.parcelId,
      code: e.code,
      town: e.town,
      undoneTo: e.revertsTo,
      undoneOn: e.revertsOn,
      backTo: e.toState,
      recordedOn: recordedOn(e.recordedAt),
      actor: e.actor,
      reason: e.reason,
    }));
  return { moves, movesByState, corrections };
}

/** Digestion year to date at the week's end against the year's target and the share of the year gone. */
export function digestionSection(f: Record<string, number>, target: AnnualTarget | null, endOn: string) {
  const year = Number(endOn.slice(0, 4));
  const targetM2 = target?.digestionM2 ?? null;
  return {
    year,
    target: targetM2 === null ? null : areaFields(targetM2),
    stockAtYearStart: { count: f.startCount, ...areaFields(f.startM2) },
    digested: { count: f.digestedCount, ...areaFields(f.digestedM2) },
    stockNow: { count: f.nowCount, ...areaFields(f.nowM2) },
    progress: progress(f.digestedM2, targetM2),
    yearShareGone: yearShareGone(year, endOn),
  };
}

/** Start and completion rates for the period ending with the week against the year's targets (100% / 90%). */
export function ratesSection(r: Record<string, number>, target: AnnualTarget | null) {
  const one = (k: "start" | "completion", targetPct: number) => ({
    dueCount: r[`${k}DueCount`],
    doneCount: r[`${k}DoneCount`],
    dueAreaMu: muRounded(r[`${k}DueM2`]),
    doneAreaMu: muRounded(r[`${k}DoneM2`]),
    countRate: ratio(r[`${k}DoneCount`], r[`${k}DueCount`]),
    areaRate: ratio(r[`${k}DoneM2`], r[`${k}DueM2`]),
    targetPct,
  });
  return {
    start: one("start", target?.startRatePct ?? 100),
    completion: one("completion", target?.completionRatePct ?? 90),
  };
}

type ListResults = Parameters<typeof listOf>[0];
const AT_RISK: ProjectStatus[] = ["overdue", "at_risk"];

/** Projects whose status turned `overdue` or `at_risk` during the week, and those that recovered. */
export function projectsSection(results: ListResults, w: { endOn: string; beforeOn: string }) {
  const before = new Map(listOf(results, w.beforeOn).items.map((i) => [i.project.id, i.schedule.status]));
  const rows = listOf(results, w.endOn).items.map((i) => ({
    id: i.project.id,
    name: i.project.name,
    category: i.project.category,
    leader: i.project.leader,
    statusBefore: before.get(i.project.id) ?? "on_track",
    status: i.schedule.status,
    critical: i.schedule.critical,
  }));
  return {
    overdue: rows.filter((p) => p.status === "overdue" && p.statusBefore !== "overdue"),
    atRisk: rows.filter((p) => p.status === "at_risk" && !AT_RISK.includes(p.statusBefore)),
    recovered: rows.filter((p) => AT_RISK.includes(p.statusBefore) && !AT_RISK.includes(p.status)),
  };
}

/** Open problems raised by the week's end, by responsible unit (责任单位): overdue ones first. */
export function problemsSection(projects: Project[], problems: ProblemRow[], endOn: string) {
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const items = problems
    .filter((p) => p.status === "open" && shanghaiDate(new Date(p.createdAt)) <= endOn)
    .map((p) => ({
      id: p.id,
      projectId: p.projectId,
      projectName: names.get(p.projectId) ?? "",
      text: p.text,
      milestone: p.milestone,
      unit: p.unit,
      owner: p.owner,
      dueOn: p.dueOn,
      overdue: p.dueOn !== null && endOn > p.dueOn,
    }))
    .sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "9").localeCompare(b.dueOn ?? "9") || a.id - b.id,
    );
  const units = sortTowns([...new Set(items.map((p) => p.unit))]).map((unit) => {
    const mine = items.filter((p) => p.unit === unit);
    return { unit, count: mine.length, overdueCount: mine.filter((p) => p.overdue).length, items: mine };
  });
  return { openByUnit: units.sort((a, b) => b.overdueCount - a.overdueCount) };
}

type Candidate = {
  id: number;
  code: string;
  town: string;
  areaM2: number;
  priceYuan: number | null;
  suppliedOn: string | null;
  agreedStartOn: string | null;
};
type Approval = { id: number; code: string; town: string; areaM2: number; approvedOn: string };

/** Idle-land thresholds falling due in the 30 days after the week, and approvals within 90 days of lapse. */
export function idleSection(candidates: Candidate[], approvals: Approval[], endOn: string) {
  const warnings = candidates.flatMap((p) => {
    const st = idleStatus({ ...p, startedOn: null }, endOn);
    if (!st?.next || st.next.days > 30) return [];
    return [
      {
        parcelId: p.id,
        code: p.code,
        town: p.town,
        ...areaFields(p.areaM2),
        agreedStartOn: p.agreedStartOn,
        level: st.level,
        nextLevel: st.next.level,
        nextOn: st.next.on,
        daysToNext: st.next.days,
      },
    ];
  });
  const lapsing = approvals
    .filter((p) => lapseLevel({ state: "approved", approvedOn: p.approvedOn }, endOn) === "lapse_soon")
    .map((p) => {
      const lapseOn = lapseDate(p.approvedOn);
      return {
        parcelId: p.id,
        code: p.code,
        town: p.town,
        ...areaFields(p.areaM2),
        approvedOn: p.approvedOn,
        lapseOn,
        daysLeft: daysBetween(endOn, lapseOn),
      };
    });
  warnings.sort((a, b) => a.nextOn.localeCompare(b.nextOn) || a.parcelId - b.parcelId);
  return { warnings, lapsing };
}

type TownArea = { town: string; areaM2: number };
type TownStart = { town: string; dueCount: number; doneCount: number };

/** 晾晒 the towns ranked by digestion (亩 this year) and by start rate, each with its places gained on last week. */
export function rankingSection(
  digEnd: TownArea[],
  digBefore: TownArea[],
  startEnd: TownStart[],
  startBefore: TownStart[],
) {
  const towns = sortTowns([...new Set([...digEnd, ...digBefore, ...startEnd, ...startBefore].map((r) => r.town))]);
  const area = (rows: TownArea[]) => towns.map((t) => rows.find((r) => r.town === t)?.areaM2 ?? 0);
  const start = (rows: TownStart[]) =>
    towns.map((t) => rows.find((r) => r.town === t) ?? { dueCount: 0, doneCount: 0 });
  const [dNow, dBefore] = [ranks(area(digEnd)), ranks(area(digBefore))];
  const [sNow, sBefore] = [start(startEnd), start(startBefore)];
  const [rNow, rBefore] = [
    ranks(sNow.map((s) => ratio(s.doneCount, s.dueCount))),
    ranks(sBefore.map((s) => ratio(s.doneCount, s.dueCount))),
  ];
  const rows = towns.map((town, i) => ({
    town,
    ...areaFields(area(digEnd)[i]),
    digestedMu: muRounded(area(digEnd)[i]),
    digestRank: dNow[i],
    digestRankChange: rankChange(dNow[i], dBefore[i]),
    startDueCount: sNow[i].dueCount,
    startDoneCount: sNow[i].doneCount,
    startRate: ratio(sNow[i].doneCount, sNow[i].dueCount),
    startRank: rNow[i],
    startRankChange: rankChange(rNow[i], rBefore[i]),
  }));
  return rows.sort((a, b) => (a.digestRank ?? 1e9) - (b.digestRank ?? 1e9));
}

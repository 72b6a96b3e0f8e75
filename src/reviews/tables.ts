import type { Review } from "./figures";

// The review as tables: one per section, the same rows on the page, in the CSV and in the XLSX, so every
// figure a download carries is the figure the page shows. Headers and sheet names are catalogue keys
// (`rev.col.*`, `rev.sheet.*`); the cells stay data (numbers as numbers, dates as YYYY-MM-DD, states as keys).

/** How a column's cells are written: text, whole numbers, 亩 (2 decimals), dates, shares (0–1), codes to translate. */
export type ColKind =
  "text" | "int" | "mu" | "date" | "pct" | "state" | "status" | "level" | "flag" | "change" | "rate";
export type Col = { key: string; kind: ColKind };
export type Cell = string | number | boolean | null;
/** `key`: the columns that identify a row (matched across two versions of the same week). */
export type Table = { id: string; key: number[]; cols: Col[]; rows: Cell[][] };

const c = (key: string, kind: ColKind): Col => ({ key, kind });
const AREA = c("areaMu", "mu");

/** Every section of the review as a table, in the page's order. */
export function reviewTables(r: Review): Table[] {
  return [
    {
      id: "chain",
      key: [0],
      cols: [
        c("state", "state"),
        c("count", "int"),
        AREA,
        c("countBefore", "int"),
        c("areaMuBefore", "mu"),
        c("deltaCount", "int"),
        c("deltaAreaMu", "mu"),
      ],
      rows: r.states.map((s) => [
        s.state,
        s.count,
        s.areaMu,
        s.countBefore,
        s.areaMuBefore,
        s.deltaCount,
        s.deltaAreaMu,
      ]),
    },
    {
      id: "movesByState",
      key: [0],
      cols: [c("to", "state"), c("count", "int"), AREA],
      rows: r.movesByState.map((m) => [m.to, m.count, m.areaMu]),
    },
    {
      id: "moves",
      key: [0, 3, 4],
      cols: [
        c("code", "text"),
        c("town", "text"),
        c("from", "state"),
        c("to", "state"),
        c("on", "date"),
        c("recordedOn", "date"),
        c("actor", "text"),
        AREA,
        c("late", "flag"),
      ],
      rows: r.moves.map((m) => [m.code, m.town, m.from, m.to, m.on, m.recordedOn, m.actor, m.areaMu, m.late]),
    },
    {
      id: "corrections",
      key: [0, 2, 3],
      cols: [
        c("code", "text"),
        c("town", "text"),
        c("undoneTo", "state"),
        c("undoneOn", "date"),
        c("backTo", "state"),
        c("recordedOn", "date"),
        c("actor", "text"),
        c("reason", "text"),
      ],
      rows: r.corrections.map((x) => [
        x.code,
        x.town,
        x.undoneTo,
        x.undoneOn,
        x.backTo,
        x.recordedOn,
        x.actor,
        x.reason,
      ]),
    },
    {
      id: "digestion",
      key: [0],
      cols: [
        c("year", "int"),
        c("targetMu", "mu"),
        c("stockStartMu", "mu"),
        c("digestedCount", "int"),
        c("digestedMu", "mu"),
        c("progress", "pct"),
        c("yearShareGone", "pct"),
      ],
      rows: [
        [
          r.digestion.year,
          r.digestion.target?.areaMu ?? null,
          r.digestion.stockAtYearStart.areaMu,
          r.digestion.digested.count,
          r.digestion.digested.areaMu,
          r.digestion.progress,
          r.digestion.yearShareGone,
        ],
      ],
    },
    {
      id: "rates",
      key: [0],
      cols: [
        c("rate", "rate"),
        c("dueCount", "int"),
        c("doneCount", "int"),
        c("countRate", "pct"),
        c("dueAreaMu", "mu"),
        c("doneAreaMu", "mu"),
        c("areaRate", "pct"),
        c("targetRate", "pct"),
      ],
      rows: (["start", "completion"] as const).map((k) => {
        const x = r.rates[k];
        return [k, x.dueCount, x.doneCount, x.countRate, x.dueAreaMu, x.doneAreaMu, x.areaRate, x.targetPct / 100];
      }),
    },
    {
      id: "projects",
      key: [0, 1],
      cols: [
        c("change", "change"),
        c("project", "text"),
        c("leader", "text"),
        c("statusBefore", "status"),
        c("status", "status"),
      ],
      rows: (["overdue", "atRisk", "recovered"] as const).flatMap((k) =>
        r.projects[k].map((p) => [k, p.name, p.leader, p.statusBefore, p.status]),
      ),
    },
    {
      id: "problems",
      key: [0, 1, 2],
      cols: [
        c("unit", "text"),
        c("project", "text"),
        c("problem", "text"),
        c("owner", "text"),
        c("dueOn", "date"),
        c("overdue", "flag"),
      ],
      rows: r.problems.openByUnit.flatMap((u) =>
        u.items.map((p) => [u.unit, p.projectName, p.text, p.owner, p.dueOn, p.overdue]),
      ),
    },
    {
      id: "idle",
      key: [0],
      cols: [
        c("code", "text"),
        c("town", "text"),
        AREA,
        c("agreedStartOn", "date"),
        c("level", "level"),
        c("nextLevel", "level"),
        c("nextOn", "date"),
        c("daysToNext", "int"),
      ],
      rows: r.idleLand.warnings.map((w) => [
        w.code,
        w.town,
        w.areaMu,
        w.agreedStartOn,
        w.level,
        w.nextLevel,
        w.nextOn,
        w.daysToNext,
      ]),
    },
    {
      id: "lapsing",
      key: [0],
      cols: [
        c("code", "text"),
        c("town", "text"),
        AREA,
        c("approvedOn", "date"),
        c("lapseOn", "date"),
        c("daysLeft", "int"),
      ],
      rows: r.idleLand.lapsing.map((l) => [l.code, l.town, l.areaMu, l.approvedOn, l.lapseOn, l.daysLeft]),
    },
    {
      id: "ranking",
      key: [0],
      cols: [
        c("town", "text"),
        c("digestedMu", "mu"),
        c("digestRank", "int"),
        c("digestRankChange", "int"),
        c("startDueCount", "int"),
        c("startDoneCount", "int"),
        c("startRate", "pct"),
        c("startRank", "int"),
        c("startRankChange", "int"),
      ],
      rows: r.ranking.map((t) => [
        t.town,
        t.digestedMu,
        t.digestRank,
        t.digestRankChange,
        t.startDueCount,
        t.startDoneCount,
        t.startRate,
        t.startRank,
        t.startRankChange,
      ]),
    },
  ];
}

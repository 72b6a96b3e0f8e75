// One problem the battle map can count on (docs/PRODUCT.md §7): the demo shows a project at risk on any anchor.
import type { ProblemRow } from "../../src/db/schema";
import { addDays } from "../../src/domain/dates";
import type { ProjectSeed } from "./projects";

/**
 * The project starting latest (the twelfth: start = anchor + 707 days) has an open problem past its due
 * date blocking the start, so the battle map always shows one project at risk whatever the parcels did.
 * No PRNG draw: the other projects stay as they are.
 */
export function blockLast(out: ProjectSeed, projectId: number, anchor: string, actorId: number, at: string) {
  const id = out.problems.length + 1;
  const row: ProblemRow = {
    id,
    projectId,
    text: "施工图设计方案未通过联合审查",
    milestone: "start",
    unit: "区住房和城乡建设局",
    owner: "张科长",
    dueOn: addDays(anchor, -5),
    status: "open",
    resolution: null,
    version: 1,
    createdAt: at,
    updatedAt: null,
  };
  out.problems.push(row);
  out.problemEvents.push({
    id: out.problemEvents.length + 1,
    problemId: id,
    projectId,
    actorId,
    recordedAt: at,
    kind: "created",
    version: 1,
    data: JSON.stringify({
      text: row.text,
      milestone: row.milestone,
      unit: row.unit,
      owner: row.owner,
      dueOn: row.dueOn,
      status: "open",
    }),
  });
}

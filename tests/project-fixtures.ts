import { expect } from "vitest";

type Client = { json: (method: string, path: string, body?: unknown) => Promise<Response> };

/** A valid create body for POST /api/v1/projects; `over` replaces fields. */
export function newProject(over: Record<string, unknown> = {}) {
  return {
    name: "亚太路科创走廊一期",
    owner: "嘉兴市南湖新区开发建设有限公司",
    category: "district",
    leader: "王副区长",
    department: "用地保障科",
    town: "七星街道",
    targetStartOn: "2024-03-01",
    targetCompletionOn: "2025-06-30",
    ...over,
  };
}

export type ProjectJson = {
  id: number;
  version: number;
  status: string;
  criticalMilestone: string | null;
  provisionalYears: number[];
  milestones: {
    key: string;
    plannedOn: string;
    baselineOn: string;
    actualOn: string | null;
    status: string;
    slackDays: number | null;
    slipDays: number;
  }[];
};

/** Creates a project through the API and returns its JSON. */
export async function createProject(client: Client, over: Record<string, unknown> = {}): Promise<ProjectJson> {
  const res = await client.json("POST", "/api/v1/projects", newProject(over));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ProjectJson;
}

/** milestone key → the field asked for, for compact assertions. */
export const byKey = (p: ProjectJson, field: "plannedOn" | "baselineOn" | "actualOn" | "status" | "slackDays") =>
  Object.fromEntries(p.milestones.map((m) => [m.key, m[field]]));

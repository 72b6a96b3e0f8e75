import { env } from "cloudflare:workers";
import { select } from "../html";

// Fixtures for the batch and project pickers of the parcel forms: many rows in one statement each (a recursive CTE,
// as home-rows-read.test.ts does), and the options of a select as the HTML parser reads them.

/**
 * `n` approved batches named 南湖区历史批次第001号 … (three digits), batch i approved on 2000-01-01 + i days: the
 * higher the number, the newer the approval, and 第001号 is the oldest of them.
 */
export async function insertHistoricBatches(n: number) {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     INSERT INTO batches (name, kind, approved_on)
     SELECT '南湖区历史批次第' || printf('%03d', i) || '号', 'urban', date('2000-01-01', '+' || i || ' days') FROM n`,
  )
    .bind(n)
    .run();
}

/** One batch, approved on `approvedOn` or not yet (null). */
export async function insertBatch(name: string, approvedOn: string | null) {
  await env.DB.prepare("INSERT INTO batches (name, kind, approved_on) VALUES (?, 'urban', ?)")
    .bind(name, approvedOn)
    .run();
}

/** `n` projects named 重点项目第01号 … (two digits), created in that order: the higher the number, the newer. */
export async function insertProjects(n: number) {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     INSERT INTO projects (name, owner, category, leader, department, target_start_on, target_completion_on, baseline_plan)
     SELECT '重点项目第' || printf('%02d', i) || '号', '南湖新区开发公司', 'district', '王副区长', '用地保障科',
       '2024-03-01', '2025-06-30', '{}' FROM n`,
  )
    .bind(n)
    .run();
}

/** One project named `name`. */
export async function insertProject(name: string) {
  await env.DB.prepare(
    `INSERT INTO projects (name, owner, category, leader, department, target_start_on, target_completion_on, baseline_plan)
     VALUES (?, '南湖新区开发公司', 'district', '王副区长', '用地保障科', '2024-03-01', '2025-06-30', '{}')`,
  )
    .bind(name)
    .run();
}

/** The id of the one row of `table` ("batches" or "projects") named `name`. */
export async function idNamed(table: "batches" | "projects", name: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT id FROM ${table} WHERE name = ?`).bind(name).first<{ id: number }>();
  if (!row) throw new Error(`no ${table} row named ${name}`);
  return row.id;
}

export type Option = { value: string; label: string; selected: boolean };

/** The options matching `selector` in page order ("select[name=batchId] option" on a page, "option" in a fragment). */
export async function optionsOf(html: string, selector: string): Promise<Option[]> {
  return (await select(html, selector)).map((o) => ({
    value: o.attrs.value ?? "",
    label: o.text.trim(),
    selected: "selected" in o.attrs,
  }));
}

/** The labels of those options, the selected one marked with a leading "*". */
export const labelsOf = (options: Option[]) => options.map((o) => (o.selected ? `*${o.label}` : o.label));

/** 南湖区历史批次第NNN号 for the numbers from `from` down to `to`. */
export const historic = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, k) => `南湖区历史批次第${String(from - k).padStart(3, "0")}号`);

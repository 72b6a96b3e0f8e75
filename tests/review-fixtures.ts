import { expect } from "vitest";
import { MOVE_BODY } from "./chain-fixtures";
import { call, createUser, newParcel, PASSWORD } from "./helpers";

// The weekly review's hand-built fixture: week 2034-W10 (Monday 2034-03-06 … Sunday 2034-03-12), eight
// parcels and one project, written through the API on the days they happen (X-Test-Today), so the
// recording times are real. Areas are whole units of 2,000 m² = 3.00 亩 (1 亩 = 2000/3 m²).
export const U = 2000;
export const WEEK = "2034-W10";

export type Client = (method: string, path: string, body?: unknown, today?: string) => Promise<Response>;

/** A user of `role`, and a client that sends each request on the day it is given, logged in on that day. */
export async function clientAs(role: "admin" | "officer" | "lead" | "viewer", today: string) {
  const { id, username } = await createUser(role);
  // Sessions expire after 8 idle hours, and a login drops the user's sessions idle by its own clock, so the
  // fixture logs in again whenever the day changes.
  const cookies = new Map<string, string>();
  const cookieOn = async (day: string) => {
    if (!cookies.has(day)) {
      const res = await call("/api/v1/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Test-Today": day },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      cookies.clear();
      cookies.set(day, res.headers.get("Set-Cookie")!.split(";")[0]);
    }
    return cookies.get(day)!;
  };
  const json: Client = async (method, path, body, day = today) =>
    call(path, {
      method,
      headers: {
        Cookie: await cookieOn(day),
        "X-Test-Today": day,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { id, username, cookieOn, json };
}

type P = { id: number; version: number };
/** [to, business date, day recorded, extra fields] */
type Step = [to: string, date: string, recordedOn: string, extra?: Record<string, unknown>];

async function parcel(api: Client, town: string, units: number, registeredOn: string, steps: Step[]) {
  const res = await api(
    "POST",
    "/api/v1/parcels",
    newParcel({ town, area: { value: units * U, unit: "m2" } }),
    registeredOn,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  let p = (await res.json()) as P & { code: string };
  const code = p.code;
  for (const [to, date, day, extra] of steps) {
    const body = { to, date, version: p.version, ...MOVE_BODY[to as keyof typeof MOVE_BODY], reason: "跳步", ...extra };
    const r = await api("POST", `/api/v1/parcels/${p.id}/moves`, body, day);
    expect(r.status, await r.clone().text()).toBe(200);
    p = (await r.json()) as P & { code: string };
  }
  return { id: p.id, version: p.version, code };
}

const supply = (agreedStartOn: string, agreedCompletionOn: string) => ({ agreedStartOn, agreedCompletionOn });

/** Builds the fixture through `admin` and returns the parcels by letter and the project's id. */
export async function buildFixture(admin: Client) {
  const R = "2034-01-10"; // registered (and older moves recorded) well before the week
  const p = {
    A: await parcel(admin, "凤桥镇", 2, R, [
      ["approved", "2033-06-01", R],
      ["acquired", "2034-03-07", "2034-03-07"],
    ]),
    B: await parcel(admin, "余新镇", 1, R, [
      ["approved", "2033-02-01", R],
      ["acquired", "2033-05-01", R],
      ["supplied", "2034-03-08", "2034-03-08", supply("2034-04-01", "2035-04-01")],
    ]),
    C: await parcel(admin, "大桥镇", 3, R, [
      ["approved", "2033-01-15", R],
      ["withdrawn", "2034-02-20", "2034-03-09"], // a late entry, recorded in the week
    ]),
    D: await parcel(admin, "凤桥镇", 2, R, [["approved", "2032-04-01", R]]),
    E: await parcel(admin, "新丰镇", 1, R, [
      ["approved", "2033-01-10", R],
      ["acquired", "2033-03-01", R],
      ["supplied", "2033-06-01", R, supply("2033-09-01", "2034-09-01")],
      ["started", "2034-03-10", "2034-03-10"],
    ]),
    F: await parcel(admin, "凤桥镇", 1, "2034-03-08", []), // registered in the week, still planned
    G: await parcel(admin, "凤桥镇", 2, R, [
      ["approved", "2033-03-01", R],
      ["acquired", "2033-04-01", R],
      ["supplied", "2033-05-01", R, supply("2033-12-01", "2034-12-01")],
    ]),
    H: await parcel(admin, "余新镇", 1, R, [
      ["approved", "2033-07-01", R],
      ["acquired", "2034-03-06", "2034-03-06"],
    ]),
  };
  // H's acquisition is taken back on Friday: a correction in the week.
  const c = await admin(
    "POST",
    `/api/v1/parcels/${p.H.id}/corrections`,
    { version: p.H.version, reason: "公告号录错" },
    "2034-03-10",
  );
  expect(c.status, await c.clone().text()).toBe(200);
  const t = await admin(
    "POST",
    "/api/v1/targets",
    { year: 2034, digestionAreaMu: 120, startRatePct: 100, completionRatePct: 90 },
    R,
  );
  expect(t.status, await t.clone().text()).toBe(200);
  // A project far from its targets (on track) with a problem due on Wednesday: at risk once that day passed.
  const pr = await admin(
    "POST",
    "/api/v1/projects",
    {
      name: "周报测试项目",
      owner: "嘉兴市南湖新区开发建设有限公司",
      category: "district",
      leader: "王副区长",
      department: "用地保障科",
      town: "凤桥镇",
      targetStartOn: "2036-06-01",
      targetCompletionOn: "2037-06-01",
    },
    R,
  );
  expect(pr.status, await pr.clone().text()).toBe(201);
  const project = (await pr.json()) as { id: number };
  for (const [unit, dueOn, text] of [
    ["凤桥镇人民政府", "2034-03-08", "村民诉求未解决"],
    ["区财政局", "2034-04-30", "征收补偿资金未到位"],
  ]) {
    const r = await admin(
      "POST",
      `/api/v1/projects/${project.id}/problems`,
      { text, milestone: "siting", unit, owner: "张三", dueOn },
      R,
    );
    expect(r.status, await r.clone().text()).toBe(201);
  }
  return { parcels: p, projectId: project.id };
}

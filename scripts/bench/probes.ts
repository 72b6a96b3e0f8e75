import { DEMO_PASSWORD } from "./local-db";
import type { Probe } from "./measure";

type Json = Record<string, unknown>;

/** Logs a demo user in through the API and returns its cookies as a browser sends them back (name=value; …). */
export async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login as ${username}: ${res.status} — was the database seeded?`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Table rows in an HTML answer's <tbody>s: what a list page or fragment shows. */
const tableRows = (html: string) => (html.match(/<tbody>[\s\S]*?<\/tbody>/g) ?? []).reduce((n, t) => n + (t.match(/<tr[\s>]/g) ?? []).length, 0);

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

/**
 * Logs in, arranges what the timed requests need (a parcel with history for the detail, `moves`
 * freshly registered parcels so each timed move is a real first move), and returns the probes:
 * /healthz, the list's first page, a filtered list as the htmx fragment, a detail, a move, home.
 */
export async function buildProbes(base: string, moves: number): Promise<Probe[]> {
  const cookie = await login(base, "officer");
  const get = (path: string, extra: Record<string, string> = {}) => ({ path, init: { headers: { Cookie: cookie, ...extra } } });
  const api = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const res = await fetch(base + path, { method, headers: { Cookie: cookie, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Json;
  };

  const withHistory = ((await api("GET", "/api/v1/parcels?state=completed&limit=1")).items as Json[])[0]
    ?? ((await api("GET", "/api/v1/parcels?limit=1")).items as Json[])[0];
  if (!withHistory) throw new Error("the database holds no parcel: was it seeded?");
  const detail = await api("GET", `/api/v1/parcels/${withHistory.id}`);

  const filtered = `/parcels?state=reserved&town=${encodeURIComponent("凤桥镇")}`;
  const fragment = { "HX-Request": "true" };
  const firstPageHtml = await (await fetch(base + "/parcels", get("/parcels").init)).text();
  const filteredHtml = await (await fetch(base + filtered, { headers: { Cookie: cookie, ...fragment } })).text();

  const stamp = Date.now().toString(36);
  // A word no seeded parcel holds (the seed's names come from a small vocabulary): three parcels carry it,
  // so the search reads the postings of its rarest two-character piece and those three rows.
  for (let i = 0; i < 3; i++)
    await api("POST", "/api/v1/parcels", {
      code: `BENCH-Q-${stamp}-${i}`, name: `基准检索桥头堡${i}号地块`, town: "凤桥镇", landUse: "industrial", origin: "collective", area: { value: 5, unit: "mu" },
    });
  const rareSearch = `/parcels?q=${encodeURIComponent("桥头堡")}`;
  const rareHtml = await (await fetch(base + rareSearch, { headers: { Cookie: cookie, ...fragment } })).text();
  const fresh: number[] = [];
  for (let i = 0; i < moves; i++) {
    const p = await api("POST", "/api/v1/parcels", {
      code: `BENCH-${stamp}-${i}`, name: `基准测试地块${i}`, town: "凤桥镇", landUse: "industrial", origin: "collective", area: { value: 10, unit: "mu" },
    });
    fresh.push(p.id as number);
  }
  const date = today();

  // 作战图 and a project page: the seed's projects, or one made here when the data set has none.
  const leadCookie = await login(base, "lead");
  const asLead = { headers: { Cookie: leadCookie, "Content-Type": "application/json" } };
  const listed = (await (await fetch(`${base}/api/v1/projects`, asLead)).json()) as { items: Json[] };
  let projectId = listed.items[0]?.id as number | undefined;
  if (projectId === undefined) {
    const made = await fetch(`${base}/api/v1/projects`, {
      ...asLead,
      method: "POST",
      body: JSON.stringify({ name: "基准测试项目", owner: "基准业主", category: "district", leader: "基准领导", department: "用地保障科", targetStartOn: "2027-06-30", targetCompletionOn: "2029-06-30" }),
    });
    if (made.status !== 201) throw new Error(`bench project: ${made.status} ${await made.text()}`);
    projectId = ((await made.json()) as Json).id as number;
  }
  const battleMapHtml = await (await fetch(`${base}/battle-map`, { headers: { Cookie: cookie } })).text();

  // 周进度晾晒: the data's anchor is 2023-06-30, so 2023-W25 (06-19 … 06-25) is stored as the scheduled job
  // would store it on Monday 00:30 (wrangler dev triggers the handler at /cdn-cgi/handler/scheduled), and
  // 2023-W22, never stored, is computed live.
  const stored = "2023-W25";
  const liveWeek = "2023-W22";
  const cron = await fetch(`${base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("30 16 * * SUN")}&time=${Date.parse("2023-06-25T16:30:00Z")}`);
  if (cron.status !== 200) throw new Error(`bench scheduled run: ${cron.status} ${await cron.text()}`);
  const check = (await api("GET", `/api/v1/reviews/weekly?week=${stored}`)) as { source?: string };
  if (check.source !== "snapshot") throw new Error(`bench: ${stored} was not stored by the scheduled handler`);
  // The edit form (issue 10 §1): rows shown = every option on it — the batch and project pickers' (the blank, the
  // parcel's own and the 30 newest of each), the towns', the land uses' … as the page draws them.
  const editPath = `/parcels/${withHistory.id}/edit`;
  const editHtml = await (await fetch(base + editPath, get(editPath).init)).text();
  const options = (editHtml.match(/<option[\s>]/g) ?? []).length;
  // The towns list (an admin's page): its towns and the latest changes.
  const adminCookie = await login(base, "admin");
  const townsHtml = await (await fetch(`${base}/admin/towns`, { headers: { Cookie: adminCookie } })).text();

  return [
    { name: "healthz", kind: "api", rowsShown: null, request: () => ({ path: "/healthz" }) },
    { name: "list first page", kind: "page", rowsShown: tableRows(firstPageHtml), request: () => get("/parcels") },
    { name: "list filtered (htmx)", kind: "fragment", rowsShown: tableRows(filteredHtml), request: () => get(filtered, fragment) },
    // Issue 10: any part of a code, name or land user, with the count and area of every match.
    { name: "list search (rare word)", kind: "fragment", rowsShown: tableRows(rareHtml), request: () => get(rareSearch, fragment) },
    { name: "parcel detail", kind: "page", rowsShown: 1 + (detail.events as Json[]).length, request: () => get(`/parcels/${withHistory.id}`) },
    {
      name: "move (API)",
      kind: "api",
      rowsShown: 1,
      request: (i) => ({
        path: `/api/v1/parcels/${fresh[i]}/moves`,
        init: { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify({ to: "approved", date, version: 1, docNo: `嘉政土〔2023〕${i}号` }) },
      }),
    },
    { name: "home", kind: "page", rowsShown: 8, request: () => get("/") },
    // As-of figures (issue 9): aggregates over every approval / supply, so rows read is not bounded by rows shown.
    { name: "digestion page", kind: "page", rowsShown: null, request: () => get(`/digestion?asOf=${date}`) },
    { name: "digestion (API)", kind: "api", rowsShown: null, request: () => get(`/api/v1/digestion?asOf=${date}`) },
    { name: "idle-land page", kind: "page", rowsShown: null, request: () => get(`/idle-land?asOf=${date}`) },
    { name: "idle-land (API)", kind: "api", rowsShown: null, request: () => get(`/api/v1/idle-land?asOf=${date}`) },
    { name: "battle map", kind: "page", rowsShown: tableRows(battleMapHtml), request: () => get("/battle-map") },
    { name: "project page", kind: "page", rowsShown: 6, request: () => get(`/projects/${projectId}`) },
    { name: "weekly review (stored)", kind: "page", rowsShown: null, request: () => get(`/reviews/weekly?week=${stored}`) },
    { name: "weekly review (live)", kind: "page", rowsShown: null, request: () => get(`/reviews/weekly?week=${liveWeek}`) },
    { name: "weekly review live (API)", kind: "api", rowsShown: null, request: () => get(`/api/v1/reviews/weekly?week=${liveWeek}`) },
    { name: "parcel edit form", kind: "page", rowsShown: options, request: () => get(editPath) },
    { name: "admin towns", kind: "page", rowsShown: tableRows(townsHtml), request: () => ({ path: "/admin/towns", init: { headers: { Cookie: adminCookie } } }) },
  ];
}

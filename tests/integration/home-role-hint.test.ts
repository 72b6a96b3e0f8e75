import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE, call, session } from "../helpers";
import { readHome } from "../home-page";
import { newProject } from "../project-fixtures";

// The home page sends the reads of the role the browser's `role` cookie names with the session (issue 8: one
// round trip, and no other role's statements). The cookie is a hint only: what the page shows is always the
// session's role's, a wrong or unknown hint costs a second round trip and is put right. Friday 2023-06-30.
const TODAY = "2023-06-30";
type Role = "officer" | "lead" | "viewer" | "admin";
const ROLES: Role[] = ["officer", "lead", "viewer", "admin"];
type User = Awaited<ReturnType<typeof session>>;
const who = {} as Record<Role, User>;
const plain = {} as Record<Role, Awaited<ReturnType<typeof home>>>;
let approval: { id: number; code: string };
let projectId: number;

/** The home page for `u`, with the `role` cookie `hint` when given. */
const home = (u: User, hint?: string) => readHome(hint === undefined ? u.cookie : `${u.cookie}; role=${hint}`, TODAY);

beforeAll(async () => {
  for (const role of ROLES) who[role] = await session(role);
  // The officer's work: an approval of 2021-08-01 not yet acquired. Two years after it is 2023-08-01; it lapses
  // the day after, 2023-08-02, and is warned of from 90 days before 08-01 (2023-05-03): so on 06-30.
  approval = (await env.DB.prepare(
    `INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state, version, approved_on)
     VALUES ('RH-A-1', '待征地块', '凤桥镇', 'industrial', 'collective', 1000, 'approved', 2, '2021-08-01')
     RETURNING id, code`,
  ).first<{ id: number; code: string }>())!;
  // The lead's work: their project with an open problem due Wednesday 06-28, inside this week (06-26 … 07-02).
  const day = { "X-Test-Today": TODAY };
  const made = await who.lead.json("POST", "/api/v1/projects", newProject({ name: "提示测试项目" }), day);
  expect(made.status).toBe(201);
  projectId = ((await made.json()) as { id: number }).id;
  const problem = { text: "征地拆迁", milestone: "siting", unit: "区财政局", owner: "赵六", dueOn: "2023-06-28" };
  expect((await who.lead.json("POST", `/api/v1/projects/${projectId}/problems`, problem, day)).status).toBe(201);
  // Without a hint (the cookie the tests' login keeps is the session's alone): every role's reads, one trip.
  for (const role of ROLES) plain[role] = await home(who[role]);
});

describe("the home page's role hint", () => {
  it("without a hint each role sees its own work, in one round trip, and the page sets the hint", async () => {
    expect(plain.officer.links).toEqual([
      [`${approval.code}：批文将于 2023-08-02 失效，请尽快完成征收`, `/parcels/${approval.id}`],
    ]);
    expect(plain.lead.links).toContainEqual(["问题本周到期：征地拆迁（2023-06-28）", `/projects/${projectId}`]);
    // Friday 06-30 is in 2023-W26 (06-26 … 07-02): the last finished week is W25, not stored here.
    expect(plain.viewer.links).toEqual([[expect.any(String), "/reviews/weekly?week=2023-W25"]]);
    // No target for 2023 was set in this database.
    expect(plain.admin.links.map(([, href]) => href)).toContain("/admin/targets");
    for (const role of ROLES) {
      expect(plain[role].calls, role).toBe("1");
      expect(plain[role].setHint, role).toEqual([`role=${role}`]);
    }
  });

  it("with the hint of the user's own role: the same work, one round trip, no other role's reads", async () => {
    for (const role of ROLES) {
      const hinted = await home(who[role], role);
      expect(hinted.links, role).toEqual(plain[role].links);
      expect(hinted.headline, role).toEqual(plain[role].headline);
      expect(hinted.calls, role).toBe("1");
      // Already right: not set again.
      expect(hinted.setHint, role).toEqual([]);
      // Only the lead reads the 4 milestone durations (to schedule their projects): every other role's page reads
      // at least those 4 rows fewer with its hint than without.
      if (role === "lead") expect(hinted.rows).toBeLessThanOrEqual(plain.lead.rows);
      else expect(hinted.rows, role).toBeLessThanOrEqual(plain[role].rows - 4);
    }
  });

  it("a hint naming another role shows nothing of that role: the session's own work, in a second trip, hint put right", async () => {
    for (const [role, hint] of [
      ["viewer", "admin"],
      ["officer", "lead"],
      ["lead", "officer"],
      ["admin", "viewer"],
    ] as const) {
      const page = await home(who[role], hint);
      expect(page.links, `${role} hinted ${hint}`).toEqual(plain[role].links);
      expect(page.headline, `${role} hinted ${hint}`).toEqual(plain[role].headline);
      expect(page.calls, `${role} hinted ${hint}`).toBe("2");
      expect(page.setHint, `${role} hinted ${hint}`).toEqual([`role=${role}`]);
    }
    // The viewer is shown no admin item although the hint asked for the admin's reads.
    expect(plain.viewer.links.some(([, href]) => href.startsWith("/admin/"))).toBe(false);
  });

  it("a hint that names no role is no hint: every role's reads in one trip", async () => {
    for (const hint of ["root", "", "officer%00", "OFFICER", "officer,admin"]) {
      const page = await home(who.officer, hint);
      expect(page.links, hint).toEqual(plain.officer.links);
      expect(page.calls, hint).toBe("1");
      expect(page.setHint, hint).toEqual(["role=officer"]);
    }
  });

  it("login sets the hint beside the session, logout clears both", async () => {
    const res = await call("/api/v1/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: who.lead.username, password: "test-password-123" }),
    });
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie();
    const hint = set.find((c) => c.startsWith("role="));
    expect(hint?.split(";")[0]).toBe("role=lead");
    expect(hint).toMatch(/; HttpOnly/);
    expect(hint).toMatch(/; SameSite=Lax/);
    const cookie = set.map((c) => c.split(";")[0]).join("; ");
    const out = await call("/logout", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: BASE },
    });
    expect(out.status).toBe(303);
    const cleared = out.headers.getSetCookie().map((c) => c.split(";").slice(0, 2).join(";"));
    expect(cleared).toContain("session=; Max-Age=0");
    expect(cleared).toContain("role=; Max-Age=0");
  });
});

import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { one } from "../html";
import { call } from "../helpers";
import { browser } from "./parcel-pages-helpers";

const fetchAs = (url: string) => exports.default.fetch(new Request(url));

// The clock seam (src/http/clock.ts): the test pool runs with TEST_CLOCK = "header", so a request may
// fix its own "now"; everything dated on a page is then judged on that day.
describe("the clock seam", () => {
  it("fixes today to 2024-02-29 for a request, and the page shows that day", async () => {
    const officer = await browser("officer");
    const page = await (await officer.get("/parcels", { "X-Test-Today": "2024-02-29" })).text();
    const today = await one(page, "time.today");
    expect(today.attrs.datetime).toBe("2024-02-29");
    expect(today.text.trim()).toBe("2024-02-29");
  });

  it("judges date rules on the fixed day: a move dated 2024-02-29 is refused the day before and accepted that day", async () => {
    const officer = await browser("officer");
    const res = await officer.api.json("POST", "/api/v1/parcels", {
      code: `CLOCK-${crypto.randomUUID().slice(0, 8)}`,
      name: "时钟测试地块",
      town: "凤桥镇",
      landUse: "industrial",
      origin: "collective",
      area: { value: 1, unit: "mu" },
    });
    const p = (await res.json()) as { id: number; version: number };
    const move = (today: string) =>
      call(`/api/v1/parcels/${p.id}/moves`, {
        method: "POST",
        headers: { Cookie: officer.cookie, "Content-Type": "application/json", "X-Test-Today": today },
        body: JSON.stringify({ to: "approved", date: "2024-02-29", version: p.version, docNo: "浙政土〔2024〕1号" }),
      });
    const early = await move("2024-02-28");
    expect(early.status).toBe(422);
    expect(((await early.json()) as { issues: { path: string; code: string }[] }).issues).toContainEqual(
      expect.objectContaining({ path: "date", code: "after_today" }),
    );
    expect((await move("2024-02-29")).status).toBe(200);
  });

  it("takes an exact instant too: 2024-02-29T16:30Z is already 1 March in Shanghai (UTC+8)", async () => {
    const officer = await browser("officer");
    const page = await (await officer.get("/parcels", { "X-Test-Now": "2024-02-29T16:30:00Z" })).text();
    expect((await one(page, "time.today")).attrs.datetime).toBe("2024-03-01");
  });

  it("refuses to serve at all when the seam is on and the Worker answers a host that is not this machine", async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    try {
      const res = await fetchAs("https://land.example.gov.cn/healthz");
      expect(res.status).toBe(500);
      const page = await fetchAs("https://land.example.gov.cn/login");
      expect(page.status).toBe(500);
    } finally {
      console.error = original;
    }
    expect(logged.some((l) => l.includes("TEST_CLOCK is set on a Worker answering land.example.gov.cn"))).toBe(true);
  });
});

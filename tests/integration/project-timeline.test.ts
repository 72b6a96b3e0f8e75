import { beforeAll, describe, expect, it } from "vitest";
import { select } from "../html";
import { createProject } from "../project-fixtures";
import { browser } from "./parcel-pages-helpers";

// The project page's SVG timeline shades rest days on a span of a year or less, and lists the holidays and
// make-up working days it shades in a table beside it.

type Browser = Awaited<ReturnType<typeof browser>>;
let lead: Browser;
beforeAll(async () => {
  lead = await browser("lead");
});

/** The timeline's shaded runs as "from..to" with their class. */
async function shaded(html: string) {
  const rects = await select(html, "svg.timeline g.tl-rest rect");
  return rects.map((r) => ({ cls: r.attrs.class, from: r.attrs["data-from"], to: r.attrs["data-to"] }));
}

describe("weekends and holidays shaded on short spans", () => {
  it("a span crossing the 2024 Spring Festival: 10–17 Feb shaded as a holiday, Sun 4 and Sun 18 Feb not", async () => {
    // Start 1 Mar 2024, defaults (calendar days): supply 31 Jan 2024, acquisition 2 Nov 2023, approval
    // 4 Aug 2023, siting 5 Jun 2023. Completion 15 Mar 2024, as of 1 Feb 2024: the span is 5 Jun 2023 –
    // 15 Mar 2024 = 25 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 29 + 15 = 284 days ≤ 366, so it is shaded.
    const p = await createProject(lead.api, { targetStartOn: "2024-03-01", targetCompletionOn: "2024-03-15" });
    const html = await (await lead.get(`/projects/${p.id}?asOf=2024-02-01`)).text();
    const runs = await shaded(html);
    expect(runs).toContainEqual({ cls: "tl-holiday", from: "2024-02-10", to: "2024-02-17" });
    // Sat 3 Feb is a rest day on its own: Sun 4 Feb is worked.
    expect(runs).toContainEqual({ cls: "tl-weekend", from: "2024-02-03", to: "2024-02-03" });
    // National Day 2023: Fri 29 Sep – Fri 6 Oct, then Sat 7 and Sun 8 Oct worked.
    expect(runs).toContainEqual({ cls: "tl-holiday", from: "2023-09-29", to: "2023-10-06" });
    // No shaded run covers a make-up working day (nor Fri 9 Feb, the day before the holiday).
    for (const worked of ["2023-10-07", "2023-10-08", "2024-02-04", "2024-02-09", "2024-02-18"])
      expect(
        runs.filter((r) => r.from <= worked && worked <= r.to),
        worked,
      ).toEqual([]);
    // The first and last days of the span: Mon 5 Jun 2023 worked; Sat 10 – Sun 11 Jun the first weekend.
    expect(runs[0]).toEqual({ cls: "tl-weekend", from: "2023-06-10", to: "2023-06-11" });
    // Fri 15 Mar 2024 is worked: the last run is the weekend of 9–10 Mar.
    expect(runs[runs.length - 1]).toEqual({ cls: "tl-weekend", from: "2024-03-09", to: "2024-03-10" });

    // The twin: the holidays and make-up days, by date, with their lengths.
    const kinds = (await select(html, "#rest-days tbody tr")).map((r) => r.attrs["data-kind"]);
    const cells = (await select(html, "#rest-days tbody td")).map((c) => c.text.trim());
    const twin = kinds.map((k, i) => [k, ...cells.slice(4 * i, 4 * i + 4)]);
    expect(twin).toContainEqual(["makeUp", "调休上班", "2024-02-04", "2024-02-04", "1"]);
    expect(twin).toContainEqual(["holiday", "节假日放假", "2024-02-10", "2024-02-17", "8"]);
    expect(twin).toContainEqual(["makeUp", "调休上班", "2024-02-18", "2024-02-18", "1"]);
    expect(twin).toContainEqual(["holiday", "节假日放假", "2023-09-29", "2023-10-06", "8"]);
    const order = twin.map((r) => r[2]);
    expect(order).toEqual([...order].sort());
    expect(html).toMatch(/<desc id="tl-desc">[^<]*调休上班的周末不加阴影/);
  });

  it("shades a span of 366 days and not one of 367 (the day before, of and after the limit)", async () => {
    // Siting 5 Jun 2023 as above; completion C, as of 1 Feb 2024: span = C − 5 Jun 2023. 5 Jun 2023 + 366 days
    // = 5 Jun 2024 (29 Feb 2024 lies between).
    const shadedFor = async (completion: string) => {
      const p = await createProject(lead.api, { targetStartOn: "2024-03-01", targetCompletionOn: completion });
      const html = await (await lead.get(`/projects/${p.id}?asOf=2024-02-01`)).text();
      return { runs: (await shaded(html)).length, twin: (await select(html, "#rest-days")).length };
    };
    const before = await shadedFor("2024-06-04"); // 365 days
    const at = await shadedFor("2024-06-05"); // 366 days
    const after = await shadedFor("2024-06-06"); // 367 days
    expect(before.runs).toBeGreaterThan(0);
    expect(at.runs).toBeGreaterThan(0);
    expect(at.twin).toBe(1);
    expect(after).toEqual({ runs: 0, twin: 0 });
  });

  it("leaves a long span unshaded (a project of the usual length)", async () => {
    const p = await createProject(lead.api, { targetStartOn: "2024-03-01", targetCompletionOn: "2025-06-30" });
    const html = await (await lead.get(`/projects/${p.id}?asOf=2024-02-01`)).text();
    expect(await select(html, "svg.timeline g.tl-rest")).toHaveLength(0);
    expect(await select(html, "#rest-days")).toHaveLength(0);
    expect(html).toMatch(/<desc id="tl-desc">[^<]*<\/desc>/);
    expect(html).not.toMatch(/<desc id="tl-desc">[^<]*阴影/);
  });
});

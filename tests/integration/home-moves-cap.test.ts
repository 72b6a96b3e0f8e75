import { describe, expect, it } from "vitest";
import { MOVE_BODY } from "../chain-fixtures";
import { newParcel } from "../helpers";
import { select } from "../html";
import { clientAs } from "../review-fixtures";

// The officer's home page lists the moves they recorded in the last 7 days, the latest 20 of them: the day's
// work, not a log (each parcel's page keeps every move).
const TODAY = "2034-05-10";

describe("home page: the officer's own moves", () => {
  it("shows the latest 20 of 21, newest first", async () => {
    const officer = (await clientAs("officer", TODAY)).json;
    const codes: string[] = [];
    for (let i = 1; i <= 21; i++) {
      const code = `CAP-${String(i).padStart(2, "0")}`;
      const reg = await officer("POST", "/api/v1/parcels", newParcel({ code }));
      expect(reg.status).toBe(201);
      const { id } = (await reg.json()) as { id: number };
      const move = await officer("POST", `/api/v1/parcels/${id}/moves`, {
        to: "approved",
        date: TODAY,
        version: 1,
        ...MOVE_BODY.approved,
      });
      expect(move.status).toBe(200);
      codes.push(code);
    }
    const html = await (await officer("GET", "/")).text();
    const mine = (await select(html, "#work a")).map((a) => a.text.trim()).filter((t) => t.startsWith("您登记的变更"));
    // 21 moves recorded one after the other: the newest is CAP-21; twenty of them reach back to CAP-02.
    expect(mine.length).toBe(20);
    expect(mine[0]).toContain("CAP-21");
    expect(mine[19]).toContain("CAP-02");
    expect(mine.some((t) => t.includes("CAP-01"))).toBe(false);
  });
});

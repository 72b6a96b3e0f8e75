import { describe, expect, it } from "vitest";
import { call } from "../helpers";

describe("GET /healthz", () => {
  it("answers ok without a session", async () => {
    const res = await call("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("pages", () => {
  it("start with the HTML5 doctype, so browsers lay them out in standards mode", async () => {
    const res = await call("/login");
    expect((await res.text()).startsWith("<!DOCTYPE html><html")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/http/limits";
import { BASE, call, count, newParcel, session } from "../helpers";

// Cache-Control on signed-in answers and the request body limit (issue 11).
describe("Cache-Control: no-store", () => {
  it("on a signed-in page, fragment, API answer and API error", async () => {
    const viewer = await session("viewer");
    const answers = [
      await call("/parcels", { headers: { Cookie: viewer.cookie } }),
      await call("/parcels", { headers: { Cookie: viewer.cookie, "HX-Request": "true" } }),
      await viewer.json("GET", "/api/v1/parcels"),
      await viewer.json("GET", "/api/v1/parcels/0"),
      await viewer.json("POST", "/api/v1/parcels", newParcel()),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 403]);
    for (const res of answers) expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("on the answer that signs a user in", async () => {
    const { username } = await session("viewer");
    const res = await call("/api/v1/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: "test-password-123" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("leaves the fingerprinted assets cacheable", async () => {
    const viewer = await session("viewer");
    const html = await (await call("/parcels", { headers: { Cookie: viewer.cookie } })).text();
    const css = html.match(/href="(\/assets\/[^"]+\.css)"/)![1];
    const res = await call(css, { headers: { Cookie: viewer.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("request body limit", () => {
  // 1 MiB = 1024 × 1024 = 1,048,576 bytes.
  it("is 1 MiB", () => expect(MAX_BODY_BYTES).toBe(1_048_576));

  // A valid registration padded with an ASCII note to exactly `bytes` bytes of UTF-8 (the name is Chinese).
  const padded = (bytes: number) => {
    const base = JSON.stringify({ ...newParcel(), note: "" });
    const body = base.replace('"note":""', `"note":"${"x".repeat(bytes - utf8(base))}"`);
    expect(utf8(body)).toBe(bytes);
    return body;
  };
  const utf8 = (s: string) => new TextEncoder().encode(s).length;

  it("a 2 MB JSON body is 413 and writes nothing", async () => {
    const officer = await session("officer");
    const before = await count("parcels");
    const body = padded(2_000_000);
    const big = await call("/api/v1/parcels", {
      method: "POST",
      headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
      body,
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toBe("payload_too_large");
    expect(await count("parcels")).toBe(before);
  });

  it("one byte over 1 MiB is 413; exactly 1 MiB is read (and judged on its content)", async () => {
    const officer = await session("officer");
    const send = (body: string) =>
      call("/api/v1/parcels", {
        method: "POST",
        headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
        body,
      });
    expect((await send(padded(MAX_BODY_BYTES + 1))).status).toBe(413);
    // The note is far over its length limit, so the body is read and refused for that: 422, not 413.
    expect((await send(padded(MAX_BODY_BYTES))).status).toBe(422);
  });

  it("a body streamed without Content-Length is cut off at the limit too", async () => {
    const officer = await session("officer");
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        // 40 × 64 KiB = 2.5 MiB in all.
        if (sent++ < 40) ctl.enqueue(chunk);
        else ctl.close();
      },
    });
    const res = await call("/api/v1/parcels", {
      method: "POST",
      headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
      body: stream,
    });
    expect(res.status).toBe(413);
  });

  it("a 2 MB form post is 413 with a page in Chinese", async () => {
    const officer = await session("officer");
    const before = await count("parcels");
    const res = await call("/parcels", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: officer.cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code: "X-1", name: "地块", note: "x".repeat(2_000_000) }).toString(),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("请求内容过大");
    expect(await count("parcels")).toBe(before);
  });
});

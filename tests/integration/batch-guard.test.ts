import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../helpers";

describe("write guard", () => {
  it("rolls back every earlier statement of a D1 batch when the guard fires", async () => {
    await env.DB.prepare("INSERT INTO batches (name, kind) VALUES ('guard probe', 'urban')").run();
    const before = await count("batches", "name = 'guard probe renamed'");
    await expect(
      env.DB.batch([
        env.DB.prepare("UPDATE batches SET name = 'guard probe renamed' WHERE name = 'guard probe'"),
        env.DB.prepare("INSERT INTO write_guards (ok) SELECT 0 WHERE changes() <> 2"),
      ]),
    ).rejects.toThrow(/CHECK constraint failed/);
    expect(await count("batches", "name = 'guard probe renamed'")).toBe(before);
    expect(await count("write_guards")).toBe(0);
  });

  it("lets the batch through when the guard's precondition holds", async () => {
    await env.DB.prepare("INSERT INTO batches (name, kind) VALUES ('guard probe 2', 'urban')").run();
    await env.DB.batch([
      env.DB.prepare("UPDATE batches SET name = 'guard probe 2 renamed' WHERE name = 'guard probe 2'"),
      env.DB.prepare("INSERT INTO write_guards (ok) SELECT 0 WHERE changes() <> 1"),
    ]);
    expect(await count("batches", "name = 'guard probe 2 renamed'")).toBe(1);
    expect(await count("write_guards")).toBe(0);
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../helpers";

describe("security log storage", () => {
  it("refuses to update or delete an entry", async () => {
    const row = await env.DB.prepare(
      "INSERT INTO security_log (at, kind, actor_name) VALUES (?, 'login_failed', 'mallory') RETURNING id",
    )
      .bind(new Date().toISOString())
      .first<{ id: number }>();
    await expect(
      env.DB.prepare("UPDATE security_log SET kind = 'login_ok' WHERE id = ?").bind(row!.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM security_log WHERE id = ?").bind(row!.id).run()).rejects.toThrow(
      /append-only/,
    );
    expect(await count("security_log", "id = ? AND kind = 'login_failed'", row!.id)).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { insertStatements, MAX_STATEMENT_BYTES, seedStatements, sqlLiteral, utf8Length } from "../../scripts/seed/sql";
import { DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";

const user = (id: number, displayName = "王晓燕") => ({
  id,
  username: `u${id}`,
  displayName,
  role: "officer",
  passwordHash: "h",
  active: true,
  createdAt: "2023-01-01T00:00:00.000Z",
});

describe("seed SQL writer", () => {
  it("writes literals: quotes doubled, booleans as 0/1, null as NULL", () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral("浙土字〔2023〕12号")).toBe("'浙土字〔2023〕12号'");
    expect(sqlLiteral(true)).toBe("1");
    expect(sqlLiteral(false)).toBe("0");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(undefined)).toBe("NULL");
    expect(sqlLiteral(410800)).toBe("410800");
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });

  it("measures UTF-8 bytes as the encoder does", () => {
    for (const text of ["abc", "é", "浙土字〔2023〕12号", "𠮷野家", ""])
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
  });

  it("names the table's SQL columns and writes one tuple per row", () => {
    const [stmt] = insertStatements(users, [user(1, "陈'立新")]);
    expect(stmt).toBe(
      `INSERT INTO "users" ("id", "username", "display_name", "role", "password_hash", "active", "created_at") VALUES\n` +
        `(1, 'u1', '王晓燕', 'officer', 'h', 1, '2023-01-01T00:00:00.000Z');`.replace("'王晓燕'", "'陈''立新'"),
    );
  });

  it("splits at 500 rows per statement", () => {
    const rows = Array.from({ length: 1200 }, (_, i) => user(i + 1));
    const stmts = insertStatements(users, rows);
    expect(stmts.map((s) => s.split("\n").length - 1)).toEqual([500, 500, 200]);
  });

  it("keeps every statement of the demo under the statement size limit", () => {
    const stmts = seedStatements(generateSeed({ ...DEMO_DEFAULTS, size: 3000, passwordHash: "h" }));
    const sizes = stmts.map((s) => new TextEncoder().encode(s).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
    // The totals are the triggers' business, not the seed's.
    expect(stmts.filter((s) => s.includes("chain_totals")).length).toBe(0);
  });
});

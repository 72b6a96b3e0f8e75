import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { count, newParcel, session } from "../helpers";

// Input hygiene (issue 11): text NFKC-normalised and trimmed; hidden characters and invisible-only
// values refused; parcel codes unique after normalisation; business dates from 1980-01-01; ids that
// name nothing refused with the field named.
let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});
const register = (over: Record<string, unknown>) => officer.json("POST", "/api/v1/parcels", newParcel(over));
type Problem = { error: string; issues?: { path: string; code: string; message: string }[] };
const problemOf = async (res: Response) => (await res.json()) as Problem;
const uniq = () => crypto.randomUUID().slice(0, 6).toUpperCase();

describe("look-alike parcel codes", () => {
  it("a zero-width space or full-width letters make the same code: 409", async () => {
    const code = `330402-F${uniq()}`;
    expect((await register({ code })).status).toBe(201);
    const zeroWidth = code.slice(0, 7) + "\u200b" + code.slice(7);
    // Full width: each ASCII character + 0xFEE0 (U+FF01…U+FF5E), which NFKC maps back.
    const fullWidth = [...code].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    for (const lookAlike of [zeroWidth, fullWidth, ` ${code}\u2060 `]) {
      const before = await count("parcels");
      const res = await register({ code: lookAlike });
      expect(res.status, JSON.stringify(lookAlike)).toBe(409);
      expect((await problemOf(res)).issues?.[0]).toMatchObject({ path: "code", code: "duplicate_code" });
      expect(await count("parcels")).toBe(before);
    }
  });

  it("a full-width code is stored in its plain form", async () => {
    const plain = `330402-W${uniq()}`;
    const fullWidth = [...plain].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    const res = await register({ code: fullWidth, name: "　ＡＢＣ地块　" });
    expect(res.status).toBe(201);
    // NFKC: U+3000 (ideographic space) → " ", then trimmed; ＡＢＣ → ABC.
    expect(await res.json()).toMatchObject({ code: plain, name: "ABC地块" });
  });
});

describe("hidden and invisible text", () => {
  it.each([
    ["zero-width spaces only", "\u200b\u200b", "hidden_characters"],
    ["Hangul fillers only (render blank)", "\u3164\u3164", "nothing_visible"],
    ["blank braille only", "\u2800", "nothing_visible"],
    ["spaces only", "   ", "required"],
    ["a right-to-left override", "地块\u202e块地", "hidden_characters"],
    ["a bidi isolate", "地块\u2066x", "hidden_characters"],
    ["a bell (control)", "地块\u0007", "hidden_characters"],
    ["a line break in a one-line field", "地块\n第二行", "hidden_characters"],
    ["a BOM inside (a leading one is trimmed)", "地\ufeff块", "hidden_characters"],
  ])("a name of %s is 422, nothing written", async (_what, name, issue) => {
    const before = await count("parcels");
    const res = await register({ name });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).issues).toEqual([expect.objectContaining({ path: "name", code: issue })]);
    expect(await count("parcels")).toBe(before);
  });

  it("says why in Chinese", async () => {
    const body = await problemOf(await register({ name: "\u200b" }));
    expect(body.issues?.[0].message).toBe("含有不可见字符或控制字符（如零宽空格、方向控制符），请删除后重新输入");
    const blank = await problemOf(await register({ name: "\u3164" }));
    expect(blank.issues?.[0].message).toBe("不能只有空白或不可见字符");
  });

  it("Chinese full-width punctuation is kept as typed (NFKC would make it ASCII)", async () => {
    const name = "凤桥镇（东）地块，一期：A区！";
    const res = await register({ name: name.replace("A", "Ａ") });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name });
  });

  it("a note keeps its line breaks", async () => {
    const res = await register({ note: "第一行\n第二行" });
    expect(res.status).toBe(201);
  });
});

describe("business dates from 1980-01-01", () => {
  const reserved = (date: string) =>
    register({ origin: "state", state: "reserved", date, reserveNo: `储备〔${uniq()}〕号` });
  it.each([
    ["0100-01-01", 422],
    ["1979-12-31", 422], // the day before the floor
    ["1980-01-01", 201], // the floor itself
    ["1980-01-02", 201], // the day after
  ])("a reserved registration dated %s → %i", async (date, status) => {
    const res = await reserved(date);
    expect(res.status).toBe(status);
    if (status === 422)
      expect((await problemOf(res)).issues).toEqual([
        expect.objectContaining({ path: "date", code: "before_date_floor", message: "日期不能早于 1980-01-01" }),
      ]);
  });
});

describe("ids that name nothing", () => {
  it("a projectId naming no project is 422 naming projectId, nothing written; an existing one is accepted", async () => {
    const { meta } = await env.DB.prepare(
      `INSERT INTO projects (name, owner, category, leader, department, target_start_on, target_completion_on, baseline_plan)
       VALUES ('测试项目', '测试业主', 'district', '张三', '规划科', '2027-06-01', '2029-06-01', '{}')`,
    ).run();
    expect((await register({ projectId: meta.last_row_id })).status).toBe(201);
    const before = await count("parcels");
    const res = await register({ projectId: 999_999 });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).issues).toEqual([
      expect.objectContaining({ path: "projectId", code: "unknown_project", message: "该项目不存在" }),
    ]);
    expect(await count("parcels")).toBe(before);
  });

  it("a batchId that does not exist is 422 naming batchId", async () => {
    const res = await register({ batchId: 999_999 });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).issues).toEqual([expect.objectContaining({ path: "batchId" })]);
  });

  it("an edit naming a project is 422 and leaves the parcel as it was", async () => {
    const created = (await (await register({})).json()) as { id: number; version: number };
    const before = await env.DB.prepare("SELECT * FROM parcels WHERE id = ?").bind(created.id).first();
    const res = await officer.json("PATCH", `/api/v1/parcels/${created.id}`, {
      reason: "核对后修改",
      version: 1,
      projectId: 3,
    });
    expect(res.status).toBe(422);
    expect(await env.DB.prepare("SELECT * FROM parcels WHERE id = ?").bind(created.id).first()).toEqual(before);
  });
});

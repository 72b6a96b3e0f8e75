import { describe, expect, it } from "vitest";
import { call, createUser, session } from "../helpers";
import { select } from "../html";

// The user form (issue 11): role selects start on the least privileged role with no blank choice;
// deactivation and password reset ask for confirmation before htmx posts them.
describe("user admin forms", () => {
  it("role selects list viewer first, with no blank option, and the new-user form starts on viewer", async () => {
    const admin = await session("admin");
    await createUser("officer");
    const html = await (await call("/admin/users", { headers: { Cookie: admin.cookie } })).text();
    const created = await select(html, "form[action='/admin/users'] select[name=role] option");
    expect(created.map((o) => o.attrs.value)).toEqual(["viewer", "lead", "officer", "admin"]);
    expect(created.filter((o) => "selected" in o.attrs)).toEqual([]); // none marked: the browser picks the first, viewer
    const rowOptions = await select(html, "form.row-form select[name=role] option");
    expect(rowOptions.length).toBeGreaterThan(0);
    expect(rowOptions.some((o) => o.attrs.value === "")).toBe(false);
  });

  it("deactivate and reset-password forms carry hx-confirm naming the user, next to method and action", async () => {
    const admin = await session("admin");
    const u = await createUser("viewer");
    const html = await (await call("/admin/users", { headers: { Cookie: admin.cookie } })).text();
    const [deactivate] = await select(html, `form[action='/admin/users/${u.id}/deactivate']`);
    expect(deactivate.attrs).toMatchObject({
      method: "post",
      "hx-post": `/admin/users/${u.id}/deactivate`,
      "hx-confirm": `确定停用用户 ${u.username}？其所有会话将立即失效。`,
    });
    const [reset] = await select(html, `form[action='/admin/users/${u.id}/password']`);
    expect(reset.attrs["hx-confirm"]).toBe(`确定重置用户 ${u.username} 的密码？其所有会话将立即失效。`);
    // Reactivation takes nothing away: no confirmation.
    const [role] = await select(html, `form[action='/admin/users/${u.id}/role']`);
    expect(role.attrs["hx-confirm"]).toBeUndefined();
  });
});

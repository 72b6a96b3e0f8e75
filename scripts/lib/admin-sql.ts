// SQL that creates (or restores) an administrator on a deployed D1 with no demo data. Pure (no node:
// imports) so a test can run the very same SQL against a local D1 and log in with the password.
import { hashPassword } from "../../src/domain/password";
import { createUserInput } from "../../src/admin/writes";
import { issuesFromZod } from "../../src/domain/issues";
import { t } from "../../src/i18n";

export type AdminSpec = { username: string; displayName: string; password: string; reset: boolean };

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A strong password for the first login: 20 characters from 15 random bytes (base64url). */
export function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_");
}

/**
 * The statements, one per line, checked with the same rules as /admin/users. A new admin is an
 * INSERT (it fails on a taken username rather than overwrite anyone). `reset` instead gives an
 * existing account a new password, the admin role and active status, and ends its sessions: the way
 * back in when the last admin is locked out. Either way a security-log entry records it.
 */
export async function adminSql(spec: AdminSpec): Promise<string[]> {
  const parsed = createUserInput.safeParse(
    { username: spec.username, displayName: spec.displayName, role: "admin", password: spec.password },
    { reportInput: true },
  );
  if (!parsed.success)
    throw new Error(
      issuesFromZod(parsed.error)
        .map((i) => `${i.path}: ${t("en", `field.${i.code}`, i.params)}`)
        .join("; "),
    );
  const { username, displayName } = parsed.data;
  const hash = quote(await hashPassword(parsed.data.password));
  const at = quote(new Date().toISOString());
  const who = `(SELECT id FROM users WHERE username = ${quote(username)})`;
  const log = (kind: string) =>
    `INSERT INTO security_log (at, kind, actor_name, subject_id, subject_name, detail) VALUES (${at}, '${kind}', 'wrangler d1 execute', ${who}, ${quote(username)}, '{"role":"admin","via":"scripts/create-admin.ts"}');`;
  if (!spec.reset)
    return [
      `INSERT INTO users (username, display_name, role, password_hash, active) VALUES (${quote(username)}, ${quote(displayName)}, 'admin', ${hash}, 1);`,
      log("user_created"),
    ];
  return [
    `UPDATE users SET password_hash = ${hash}, role = 'admin', active = 1 WHERE username = ${quote(username)};`,
    `DELETE FROM sessions WHERE user_id = ${who};`,
    log("user_password_reset"),
  ];
}

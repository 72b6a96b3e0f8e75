// npm run admin:create -- --username NAME --name 显示名 [--reset] > admin.sql
// Prints SQL creating an administrator (or, with --reset, restoring one); apply it with
//   npx wrangler d1 execute DB --remote --file admin.sql
// The password comes from ADMIN_PASSWORD, or a random one is made and shown once on stderr.
import { adminSql, randomPassword } from "./lib/admin-sql";
import { CliError, parseFlags } from "./lib/args";

try {
  const { values, flags } = parseFlags(process.argv.slice(2), {
    values: ["username", "name"],
    flags: ["reset"],
    remote:
      "admin:create only prints SQL and never connects to a database: apply its output with `npx wrangler d1 execute DB --remote --file admin.sql`.",
  });
  if (!values.username) throw new CliError("--username is required");
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD || randomPassword();
  const sql = await adminSql({
    username: values.username,
    displayName: values.name ?? values.username,
    password,
    reset: flags.has("reset"),
  });
  process.stdout.write(`${sql.join("\n")}\n`);
  if (generated) console.error(`Password for ${values.username} (shown once, not stored anywhere): ${password}`);
} catch (e) {
  console.error(`admin:create: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof CliError ? 2 : 1);
}

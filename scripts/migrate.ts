// npm run db:migrate -- [--persist-to DIR]: applies the migrations to a LOCAL D1, without prompting.
import { CliError, parseLocalArgs } from "./lib/args";
import { migrateLocal } from "./lib/wrangler";

try {
  await migrateLocal(parseLocalArgs(process.argv.slice(2)).persistTo);
} catch (e) {
  console.error(e instanceof CliError ? `db:migrate: ${e.message}` : e instanceof Error ? e.message : e);
  process.exit(e instanceof CliError ? 2 : 1);
}

// npm run db:seed -- [--persist-to DIR] [--size N] [--seed N] [--anchor YYYY-MM-DD] [--fresh]
// Fills a LOCAL D1 with the demo district (docs/PRODUCT.md §10). Never a remote one.
import { CliError, parseSeedArgs } from "./lib/args";
import { DEFAULT_DEMO_PASSWORD, runSeed } from "./lib/seed-run";

try {
  await runSeed(parseSeedArgs(process.argv.slice(2)));
  console.log(
    `Demo users admin, officer, lead, viewer share the password from DEMO_PASSWORD (default "${DEFAULT_DEMO_PASSWORD}").`,
  );
} catch (e) {
  console.error(e instanceof CliError ? `db:seed: ${e.message}` : e);
  process.exit(e instanceof CliError ? 2 : 1);
}

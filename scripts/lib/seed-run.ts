// `db:seed`: migrate, check the database is empty, generate, load. Node-only; the data itself
// comes from the pure generator in scripts/seed/.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { hashPassword } from "../../src/domain/password";
import { generateSeed } from "../seed/generate";
import { seedStatements } from "../seed/sql";
import { CliError, type SeedArgs } from "./args";
import { runStatements, withLocalD1 } from "./local-d1";
import { migrateLocal, persistDir } from "./wrangler";

export const DEFAULT_DEMO_PASSWORD = "nanhu-demo";

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Fills the local D1 with the demo district; refuses a database that already has users or parcels. */
export async function runSeed(a: SeedArgs): Promise<void> {
  const t0 = performance.now();
  if (a.fresh) {
    // Only the local D1 files: the rest of the persist dir (KV, caches) is not ours to wipe.
    await rm(join(persistDir(a.persistTo), "v3", "d1"), { recursive: true, force: true });
    console.log(`Removed the local D1 under ${persistDir(a.persistTo)}`);
  }
  await migrateLocal(a.persistTo, a.quiet);
  let t = performance.now();
  await withLocalD1(a.persistTo, async (db) => {
    const row = await db
      .prepare(
        "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM batches) + (SELECT count(*) FROM parcels) AS n",
      )
      .first<{ n: number }>();
    if (row && row.n > 0)
      throw new CliError(
        `The local D1 under ${persistDir(a.persistTo)} already has data; run with --fresh to replace it with the demo.`,
      );
    // Computed once: PBKDF2 at 100,000 iterations is slow on purpose, and all four users share it.
    const passwordHash = await hashPassword(process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
    const data = generateSeed({ size: a.size, seed: a.seed, anchor: a.anchor, passwordHash });
    const statements = seedStatements(data);
    console.log(
      `Generated ${data.parcels.length} parcels, ${data.events.length} events, ${data.batches.length} batches (${statements.length} statements) in ${seconds(t)}`,
    );
    t = performance.now();
    await runStatements(db, statements, undefined, (done) =>
      process.stdout.write(`\rLoaded ${done}/${statements.length} statements`),
    );
    process.stdout.write("\n");
  });
  console.log(`Loaded into the local D1 in ${seconds(t)}; total ${seconds(t0)}.`);
}

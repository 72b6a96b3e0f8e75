// The local D1 opened in-process through wrangler's own getPlatformProxy: the same database files
// `wrangler dev` and `wrangler d1 execute --local` use, without a process per statement file.
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { persistDir, PROJECT_ROOT } from "./wrangler";

/** Runs `work` against the local D1 binding `DB`, then shuts the local runtime down. */
export async function withLocalD1<T>(persistTo: string | undefined, work: (db: D1Database) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(PROJECT_ROOT, "wrangler.toml"),
    // wrangler keeps D1 under <persist dir>/v3/d1; getPlatformProxy wants the v3 level.
    persist: { path: join(persistDir(persistTo), "v3") },
    remoteBindings: false,
  });
  try {
    return await work(proxy.env.DB);
  } finally {
    await proxy.dispose();
  }
}

/**
 * Runs `statements` in D1 batches of about `maxBytes` each. Each batch is atomic; a demo-sized
 * seed fits in one, so it loads all or nothing.
 */
export async function runStatements(
  db: D1Database,
  statements: readonly string[],
  maxBytes = 8_000_000,
  onProgress?: (done: number) => void,
): Promise<void> {
  let chunk: string[] = [];
  let bytes = 0;
  let done = 0;
  const flush = async () => {
    if (!chunk.length) return;
    await db.batch(chunk.map((s) => db.prepare(s)));
    done += chunk.length;
    onProgress?.(done);
    chunk = [];
    bytes = 0;
  };
  for (const s of statements) {
    if (bytes + s.length * 3 > maxBytes) await flush();
    chunk.push(s);
    bytes += s.length * 3;
  }
  await flush();
}

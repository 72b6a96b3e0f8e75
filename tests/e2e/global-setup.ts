import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { prepareLocalDb } from "../../scripts/bench/local-db";
import { startLocalWorker } from "../../scripts/bench/local-worker";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

// Small enough to seed in seconds, big enough that the parcel list has several pages.
const E2E_SIZE = 300;

/** One `wrangler dev` for the whole browser suite, on a fresh, migrated and seeded local D1. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "land-e2e-"));
  await prepareLocalDb(join(dir, "state"), E2E_SIZE);
  const worker = await startLocalWorker(join(dir, "state"));
  project.provide("baseUrl", worker.url);
  return async () => {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

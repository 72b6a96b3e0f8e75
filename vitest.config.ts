import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      // TEST_CLOCK: tests may fix "now" per request (X-Test-Now / X-Test-Today); see src/http/clock.ts.
      miniflare: {
        bindings: { TEST_MIGRATIONS: migrations, TEST_CLOCK: "header", DEVICE_KEY: "test-device-key-not-secret" },
        // DB as wrangler.toml names it; LEDGER_COPY a second, empty D1 that the ledger round trip imports into.
        d1Databases: { DB: "00000000-0000-0000-0000-000000000000", LEDGER_COPY: "ledger-copy" },
      },
    }),
  ],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Several suites share two cores here; a slow machine is not a failing test.
    testTimeout: 30_000,
    setupFiles: ["./tests/apply-migrations.ts"],
  },
});

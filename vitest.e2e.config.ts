import { defineConfig } from "vitest/config";

// Browser tests: plain Node (not the workers pool) driving Debian's Chromium against `wrangler dev`.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./tests/e2e/global-setup.ts"],
    // One server, one browser at a time: the machine has 2 cores shared with wrangler and workerd.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // htmx swaps land after a request round trip (and a 400 ms debounce on typing): poll patiently.
    expect: { poll: { timeout: 10_000 } },
  },
});

// npm run dev -- [--persist-to DIR]: migrate the local D1, seed it if it has no users, then serve
// on http://127.0.0.1:8787 with wrangler dev; the last lines say where and as whom to log in.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { CliError, parseLocalArgs } from "./lib/args";
import { DEFAULT_DEMO_PASSWORD, runSeed } from "./lib/seed-run";
import { migrateLocal, persistArgs, PROJECT_ROOT, queryLocalNumber, WRANGLER_BIN } from "./lib/wrangler";
import { shanghaiDate } from "../src/domain/dates";
import { DEMO_DEFAULTS } from "./seed/generate";

const DEV_REFUSED = "npm run dev serves a local D1 only; deploy with `npx wrangler deploy` (see README).";
const URL = "http://127.0.0.1:8787";
// The device-cookie key (src/auth/device.ts) is a secret in production; locally a fixed, public dev
// value unless .dev.vars or the environment names one. Never in wrangler.toml, so no deploy carries it.
const DEV_DEVICE_KEY = process.env.DEVICE_KEY ? [] : ["--var", "DEVICE_KEY:local-dev-device-key-not-secret"];

async function prepare(persistTo?: string): Promise<void> {
  await migrateLocal(persistTo, true);
  if ((await queryLocalNumber("SELECT count(*) AS n FROM users", persistTo)) > 0) return;
  // The demo lives on today's date (issue 9 item 8): the app's clock is real, so the data's "today" is too.
  const anchor = shanghaiDate(new Date());
  console.log(`The local D1 has no users yet: loading the demo district as of ${anchor}.`);
  await runSeed({ persistTo, ...DEMO_DEFAULTS, anchor, fresh: false, quiet: true });
}

// Offline, wrangler dev fails to fetch the request.cf placeholder from Cloudflare and prints the DNS
// error with its stack; it then uses a default and works. Those lines say nothing to a newcomer.
const OFFLINE_NOISE = [
  /Unable to fetch the `Request\.cf` object/,
  /^Error: getaddrinfo ENOTFOUND/,
  /^\s+at .*(GetAddrInfoReqWrap|node:)/,
];

/** Passes wrangler's output on, without the offline noise; once it is ready, says where to go. */
function relay(stream: NodeJS.ReadableStream, to: NodeJS.WriteStream): void {
  createInterface({ input: stream }).on("line", (line) => {
    if (OFFLINE_NOISE.some((re) => re.test(line))) return;
    to.write(`${line}\n`);
    if (line.includes("Ready on")) {
      const password = process.env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : DEFAULT_DEMO_PASSWORD;
      console.log(`\nOpen ${URL}`);
      console.log(`Log in as officer / ${password} (also admin, lead, viewer). Stop with Ctrl-C.`);
    }
  });
}

/**
 * The npm process this runs under (npm → tsx → this script), or null. A SIGTERM sent to npm ends npm
 * without reaching tsx, so the script watches npm itself: once it is gone, wrangler is stopped too.
 */
function npmPid(): number | null {
  if (!process.env.npm_lifecycle_event) return null;
  try {
    // /proc/<tsx>/stat: "pid (comm) state ppid …" — the comm may hold spaces, so split after ")".
    const stat = readFileSync(`/proc/${process.ppid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid > 1 ? ppid : null;
  } catch {
    return null;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs wrangler dev in the foreground, passing Ctrl-C and kill on to it and exiting as it does. */
function serve(persistTo?: string): void {
  const child = spawn(
    process.execPath,
    [WRANGLER_BIN, "dev", "--ip", "127.0.0.1", "--port", "8787", ...persistArgs(persistTo), ...DEV_DEVICE_KEY],
    {
      cwd: PROJECT_ROOT,
      stdio: ["inherit", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  const npm = npmPid();
  if (npm !== null) setInterval(() => alive(npm) || child.kill("SIGTERM"), 1000).unref();
  // tsx may end this process itself on a signal; wrangler must not outlive it.
  process.on("exit", () => child.exitCode === null && child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1)));
}

try {
  const { persistTo } = parseLocalArgs(process.argv.slice(2), DEV_REFUSED);
  await prepare(persistTo);
  serve(persistTo);
} catch (e) {
  console.error(e instanceof CliError ? `dev: ${e.message}` : e);
  process.exit(e instanceof CliError ? 2 : 1);
}

// Command-line arguments of the db scripts. Pure (no node: imports) so tests can run it in workerd.
import { isIsoDate } from "../../src/domain/dates";
import { DEMO_DEFAULTS } from "../seed/generate";

/** A usage problem: the script prints the message and exits non-zero. */
export class CliError extends Error {}

// Demo users and their shared password must never reach a deployed database.
const REMOTE_FLAGS = ["--remote", "--preview"];
export const REMOTE_REFUSED =
  "Refusing to seed a remote database: the demo data includes users with a shared, published password. " +
  'db:seed only fills a local D1 (.wrangler/state, or --persist-to DIR). To set up a deployed database, see README "Deploy to Cloudflare".';

export const REMOTE_MIGRATE =
  'db:migrate applies migrations to a local D1 only. For the deployed database run `npx wrangler d1 migrations apply DB --remote` (see README "Deploy to Cloudflare").';

/** Accepted `--name value` options, `--flag` switches, and what to say when asked for a remote target. */
type Spec = { values: readonly string[]; flags: readonly string[]; remote: string };

/** `--name value`, `--name=value` and `--flag`; anything else is refused. */
export function parseFlags(
  argv: readonly string[],
  spec: Spec,
): { values: Record<string, string>; flags: Set<string> } {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2) as [string, string | undefined];
    if (REMOTE_FLAGS.includes(name)) throw new CliError(spec.remote);
    const key = name.replace(/^--/, "");
    if (name.startsWith("--") && spec.flags.includes(key) && inline === undefined) flags.add(key);
    else if (name.startsWith("--") && spec.values.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "" || (inline === undefined && value.startsWith("--")))
        throw new CliError(`${name} needs a value`);
      values[key] = value;
    } else
      throw new CliError(
        `unknown argument ${argv[i]} (allowed: ${[...spec.values, ...spec.flags].map((n) => `--${n}`).join(", ")})`,
      );
  }
  return { values, flags };
}

function positiveInt(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`--${name} must be a whole number from 1 to ${max}, got ${value}`);
  return n;
}

export type LocalArgs = { persistTo?: string };
export type SeedArgs = LocalArgs & {
  size: number;
  seed: number;
  anchor: string;
  fresh: boolean;
  /** One line for the migration instead of wrangler's table (npm run dev). */ quiet?: boolean;
};

/** `db:migrate` and `dev`: only where the local D1 lives. */
export function parseLocalArgs(argv: readonly string[], remote = REMOTE_MIGRATE): LocalArgs {
  const { values } = parseFlags(argv, { values: ["persist-to"], flags: [], remote });
  return { persistTo: values["persist-to"] };
}

/** `db:seed -- [--persist-to DIR] [--size N] [--seed N] [--anchor YYYY-MM-DD] [--fresh]`. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const { values, flags } = parseFlags(argv, {
    values: ["persist-to", "size", "seed", "anchor"],
    flags: ["fresh"],
    remote: REMOTE_REFUSED,
  });
  const anchor = values.anchor ?? DEMO_DEFAULTS.anchor;
  if (!isIsoDate(anchor)) throw new CliError(`--anchor must be a date YYYY-MM-DD, got ${anchor}`);
  return {
    persistTo: values["persist-to"],
    size: positiveInt("size", values.size, DEMO_DEFAULTS.size, 5_000_000),
    seed: positiveInt("seed", values.seed, DEMO_DEFAULTS.seed, 2 ** 32 - 1),
    anchor,
    fresh: flags.has("fresh"),
  };
}

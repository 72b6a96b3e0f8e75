import { describe, expect, it } from "vitest";
import { CliError, parseLocalArgs, parseSeedArgs, REMOTE_REFUSED } from "../../scripts/lib/args";

describe("db:seed / db:migrate arguments", () => {
  it("defaults to the demo: 360 parcels, seed 20230630, today 2023-06-30, default local D1", () => {
    expect(parseSeedArgs([])).toEqual({
      persistTo: undefined,
      size: 360,
      seed: 20230630,
      anchor: "2023-06-30",
      fresh: false,
    });
  });

  it("takes --persist-to, --size, --seed, --anchor and --fresh, with or without '='", () => {
    expect(
      parseSeedArgs(["--persist-to", "/tmp/x", "--size=50000", "--seed", "7", "--anchor", "2024-02-29", "--fresh"]),
    ).toEqual({
      persistTo: "/tmp/x",
      size: 50000,
      seed: 7,
      anchor: "2024-02-29",
      fresh: true,
    });
    expect(parseLocalArgs(["--persist-to=/data/d1"])).toEqual({ persistTo: "/data/d1" });
  });

  it("refuses --remote and --preview with the reason, wherever they appear", () => {
    for (const argv of [["--remote"], ["--size", "10", "--remote"], ["--preview"]]) {
      expect(() => parseSeedArgs(argv)).toThrow(CliError);
      expect(() => parseSeedArgs(argv)).toThrow(REMOTE_REFUSED);
    }
    expect(() => parseLocalArgs(["--remote"])).toThrow(/local D1 only/);
  });

  it("refuses unknown arguments, missing values, and sizes or dates that are not", () => {
    expect(() => parseSeedArgs(["--env", "production"])).toThrow(/unknown argument --env/);
    expect(() => parseSeedArgs(["--persist-to"])).toThrow(/needs a value/);
    expect(() => parseSeedArgs(["--persist-to", "--remote"])).toThrow(/needs a value/);
    expect(() => parseSeedArgs(["--size", "0"])).toThrow(/--size/);
    expect(() => parseSeedArgs(["--size", "2.5"])).toThrow(/--size/);
    expect(() => parseSeedArgs(["--anchor", "2023-02-30"])).toThrow(/--anchor/);
    expect(() => parseLocalArgs(["--size", "10"])).toThrow(/unknown argument/);
  });
});

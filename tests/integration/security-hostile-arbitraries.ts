import fc from "fast-check";

/** Strings that have broken web apps before: markup, script URLs, SQL, impossible dates, control and odd Unicode. */
export const HOSTILE_STRINGS = [
  `<script>alert("x")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `</textarea><svg onload=alert(1)>`,
  `'; DROP TABLE parcels; --`,
  `" OR "1"="1`,
  `{{7*7}}\${7*7}`,
  "2023-02-30",
  "2023-13-01",
  "2023-00-10",
  "2024-02-29",
  "2023-02-29",
  "0000-00-00",
  "9999-12-31",
  "2023-5-6",
  "2023-05-06T00:00:00Z",
  "",
  " ",
  "\u0000",
  "\u202e\u0644",
  "\ud800",
  "𠀀𠀁",
  "../../etc/passwd",
  "NaN",
  "-1",
  "1e309",
  "null",
  "__proto__",
  "x".repeat(100_000),
  "地".repeat(5_000),
];

/** Number literals JSON allows but JavaScript mangles: overflow, negative zero, beyond 2^53, underflow. */
const RAW_NUMBERS = [
  "1e309",
  "-1e309",
  "-0",
  "9007199254740993",
  "1.0000000000000001",
  "1e-400",
  "0.1e1",
  "123456789012345678901234567890",
];

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Any value, already as JSON text (so raw number literals can be sent as typed). */
export const hostileValueText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => JSON.stringify(s)),
  fc.constantFrom(...RAW_NUMBERS),
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string()).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.constant(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`),
  fc.constant(`{"value":"12.5","unit":"mu"}`),
  fc.constant(`{"value":-1,"unit":"acre"}`),
);

/** An object as JSON text from key/value-text pairs; keys may repeat and may be __proto__. */
export const objectText = (entries: [string, string][]) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;

/**
 * Request bodies for one route: near-valid ones (the route's template with some fields swapped for
 * hostile values and prototype keys added), random JSON of any shape, and text that is not JSON.
 */
export function hostileBodies(template: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(template);
  const extraKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc.constantFrom(...(keys.length ? keys : ["x"])),
    fc.string({ maxLength: 20 }),
  );
  const nearValid = fc
    .tuple(
      fc.subarray(keys),
      fc.array(hostileValueText, { minLength: keys.length, maxLength: keys.length }),
      fc.array(fc.tuple(extraKey, hostileValueText), { maxLength: 3 }),
    )
    .map(([swapped, values, extras]) => {
      const entries: [string, string][] = keys.map((k, i) => [
        k,
        swapped.includes(k) ? values[i] : JSON.stringify(template[k]),
      ]);
      return objectText([...entries, ...extras]);
    });
  const anyJson = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.array(fc.tuple(extraKey, hostileValueText), { maxLength: 6 }).map(objectText),
  );
  const notJson = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom("{", "[1,", `{"a":}`, "nul", `"unterminated`, "{'single':1}", "\u0000", ""),
  );
  return fc.oneof(
    { weight: 6, arbitrary: nearValid },
    { weight: 3, arbitrary: anyJson },
    { weight: 1, arbitrary: notJson },
  );
}

/** A form post as the network carries it: its content type and body. */
export type FormPost = { type: string | null; body: BodyInit };

const hostileFieldValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 50 }),
  fc.integer().map(String),
);

/**
 * Form posts for one route: the template's fields with some spoiled, plus prototype keys, sent
 * urlencoded, as real multipart, as multipart without its boundary, or as text/plain.
 */
export function hostileForms(template: Record<string, string>): fc.Arbitrary<FormPost> {
  const keys = Object.keys(template);
  const extraKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc.constantFrom(...(keys.length ? keys : ["x"])),
    fc.string({ maxLength: 20 }),
  );
  const fields = fc
    .tuple(
      fc.subarray(keys),
      fc.array(hostileFieldValue, { minLength: keys.length, maxLength: keys.length }),
      fc.array(fc.tuple(extraKey, hostileFieldValue), { maxLength: 3 }),
    )
    .map(([swapped, values, extras]) => [
      ...keys.map((k, i): [string, string] => [k, swapped.includes(k) ? values[i] : template[k]]),
      ...extras,
    ]);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fields.map((f): FormPost => ({
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams(f).toString(),
      })),
    },
    {
      weight: 3,
      arbitrary: fields.map((f): FormPost => {
        const data = new FormData();
        // workerd's own multipart encoder refuses a field name ending in a backslash: not sendable, so not sent.
        for (const [k, v] of f) if (!k.endsWith("\\")) data.append(k, v);
        return { type: null, body: data };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<FormPost>(
        { type: "multipart/form-data", body: "--x\r\n" },
        { type: "multipart/form-data; boundary=x", body: "garbage" },
        { type: "text/plain", body: "a=1" },
        { type: "application/x-www-form-urlencoded", body: "%E0%A4%A=%&=&&" },
      ),
    },
  );
}

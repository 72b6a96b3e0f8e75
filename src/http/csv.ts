// CSV as Excel and WPS read it, for every feature's download: UTF-8 opened by a byte-order mark, CRLF rows,
// a cell quoted when it holds a comma, quote or line break. A text cell starting with = + - @ (or a tab or
// carriage return) would run as a formula there, so it is written with a leading apostrophe; numbers
// (a JavaScript number, or text the caller says is a formatted number) stay bare, minus sign and all.

export const CSV_BOM = "\uFEFF";

export function csvCell(v: string | number | null | undefined, numeric = typeof v === "number"): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  const s = !numeric && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV line, ending in CRLF. */
export const csvLine = (cells: readonly (string | number | null | undefined)[]) =>
  cells.map((v) => csvCell(v)).join(",") + "\r\n";

/** A whole CSV with its BOM: the header line, then the rows. */
export const csvText = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  CSV_BOM + csvLine(header) + rows.map(csvLine).join("");

/**
 * A CSV streamed a page at a time (the BOM and header first), so a 50,000-row export never sits in the
 * Worker's memory at once: `pages` yields each page's rows and ends after the last.
 */
export function csvStream(
  header: readonly string[],
  pages: AsyncIterable<readonly (readonly (string | number | null)[])[]>,
) {
  const enc = new TextEncoder();
  const it = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        return controller.enqueue(enc.encode(CSV_BOM + csvLine(header)));
      }
      const next = await it.next();
      if (next.done) return controller.close();
      controller.enqueue(enc.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** Pages of one kind of row as pages of another: a list's reads as a file's cells. */
export async function* mapPages<T, U>(pages: AsyncIterable<T[]>, f: (t: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(f);
}

import type { Context } from "hono";
import type { AppEnv } from "../env";
import { XLSX_TYPE } from "./xlsx";

// A list's download (CSV or XLSX): the content type, and the file named for the day it was made.

export type FileFormat = "csv" | "xlsx";
const TYPES: Record<FileFormat, string> = { csv: "text/csv; charset=utf-8", xlsx: XLSX_TYPE };

/** A download's Content-Disposition: an ASCII name for old clients, the Chinese one for the rest (RFC 6266). */
export const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** `body` as a file of `format` called `${name}-${today}` (地块台账-2024-06-30.xlsx; `${ascii}-…` for old clients). */
export function fileAnswer(
  c: Context<AppEnv>,
  body: ReadableStream<Uint8Array>,
  format: FileFormat,
  ascii: string,
  name: string,
) {
  const day = c.get("today");
  return c.body(body, 200, {
    "Content-Type": TYPES[format],
    "Content-Disposition": attachment(`${ascii}-${day}.${format}`, `${name}-${day}.${format}`),
  });
}

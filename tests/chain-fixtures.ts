import type { State } from "../src/domain/chain";
import { newParcel } from "./helpers";

type Client = {
  json: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
};

/** The fields a valid move to each state carries (docs/PRODUCT.md §9 "Move input"). */
export const MOVE_BODY: Record<State, Record<string, unknown>> = {
  planned: {},
  approved: { docNo: "浙政土〔2023〕101号" },
  acquired: { docNo: "嘉南征〔2023〕12号" },
  reserved: { reserveNo: "NHCB-2023-008" },
  supplied: {
    method: "listing",
    docNo: "3304022023A00123",
    landUser: "嘉兴南湖智造有限公司",
    priceWan: 2380.5,
    agreedStartOn: "2023-12-01",
    agreedCompletionOn: "2025-12-01",
  },
  started: { permitNo: "330402202306010101" },
  completed: {},
  withdrawn: { docNo: "浙政土〔2023〕核减3号", reason: "规划调整，核减" },
};

/** Each state's forward path from planned, with one business date per step. */
const PATH: State[] = ["approved", "acquired", "reserved", "supplied", "started", "completed"];
export const DATES = ["2023-01-10", "2023-02-10", "2023-03-10", "2023-04-10", "2023-05-10", "2023-06-10"];

export type Made = { id: number; version: number; state: State };

/** Registers a parcel and walks it forward until it reaches `target` (planned … completed). */
export async function parcelAt(client: Client, target: State, over: Record<string, unknown> = {}): Promise<Made> {
  const res = await client.json("POST", "/api/v1/parcels", newParcel(over));
  if (res.status !== 201) throw new Error(`register failed ${res.status} ${await res.text()}`);
  let p = (await res.json()) as Made;
  for (let i = 0; p.state !== target && i < PATH.length; i++) {
    const to = PATH[i];
    const r = await client.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to,
      date: DATES[i],
      version: p.version,
      ...MOVE_BODY[to],
    });
    if (r.status !== 200) throw new Error(`move to ${to} failed ${r.status} ${await r.text()}`);
    p = (await r.json()) as Made;
  }
  if (p.state !== target) throw new Error(`cannot reach ${target} by forward moves`);
  return p;
}

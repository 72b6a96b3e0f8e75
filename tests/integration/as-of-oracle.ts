import { env } from "cloudflare:workers";
import { replayAsOf, type HistoryEvent, type ParcelAsOf, type Registration } from "../../src/domain/as-of";
import type { State } from "../../src/domain/chain";

// The plain-TypeScript side of the as-of property test: every parcel and event read back from D1,
// replayed with domain/as-of.ts replayAsOf, the oracle (it shares no code with the SQL).

export type Stored = {
  id: number;
  town: string;
  areaM2: number;
  batchId: number | null;
  reg: Registration;
  events: HistoryEvent[];
};

type Row = Record<string, unknown>;

/** Every parcel with its events in id order. Registered straight into the reserve ⇔ its first event leaves `reserved` (or none and it is reserved). */
export async function readAll(): Promise<Stored[]> {
  const ps = (await env.DB.prepare("SELECT * FROM parcels ORDER BY id").all<Row>()).results;
  const es = (await env.DB.prepare("SELECT * FROM parcel_events ORDER BY id").all<Row>()).results;
  const byParcel = new Map<number, HistoryEvent[]>();
  for (const e of es) {
    const list = byParcel.get(e.parcel_id as number) ?? [];
    list.push({
      id: e.id as number,
      kind: e.kind as HistoryEvent["kind"],
      fromState: e.from_state as State | null,
      toState: e.to_state as State | null,
      on: e.on as string,
      data: JSON.parse(e.data as string) as Record<string, unknown>,
      revertsEventId: e.reverts_event_id as number | null,
    });
    byParcel.set(e.parcel_id as number, list);
  }
  return ps.map((p) => {
    const events = byParcel.get(p.id as number) ?? [];
    const first = events.find((e) => e.kind === "move");
    const reserved = first ? first.fromState === "reserved" : p.state === "reserved";
    const reg: Registration = reserved ? { state: "reserved", on: p.reserved_on as string } : { state: "planned" };
    return {
      id: p.id as number,
      town: p.town as string,
      areaM2: p.area_m2 as number,
      batchId: p.batch_id as number | null,
      reg,
      events,
    };
  });
}

export type Facts = ParcelAsOf & { id: number; town: string; areaM2: number; batchId: number | null };

/** Each parcel as of D, with the registration facts the figures group by. */
export const factsOn = (all: Stored[], d: string): Facts[] =>
  all.map((p) => ({ ...replayAsOf(p.reg, p.events, d), id: p.id, town: p.town, areaM2: p.areaM2, batchId: p.batchId }));

import type { State } from "./chain";

/**
 * 截至某日 a parcel as of business date D, replayed from its events (issue 9 §1, docs/PRODUCT.md §5).
 *
 * The figures of D are "what the events now say had happened by D": late entries dated on or before
 * D count, moves dated after D do not, and a correction counts whatever its own date, since it says
 * the move it takes back never happened. So: first find the events still in force, then keep those
 * dated ≤ D.
 *
 * Why SQL over the parcel row can answer the same question: every move's business date is ≥ the date
 * of the move in force before it (chain.ts checkMoveDate; a correction restores the previous date),
 * so the moves in force dated ≤ D are a PREFIX of the moves in force. A prefix of a chain reaches X
 * exactly when the whole chain reaches X on a date ≤ D, hence "reached X by D" ⇔ the row's `x_on` is
 * set and ≤ D. This replay does not rely on that: it is the plain oracle the SQL is tested against
 * (it filters, it does not stop at the first later move), and shares no code with the write path.
 *
 * Delays (政府原因延期, docs/PRODUCT.md §6) move the agreed start from their own business date on. A delay is
 * correctable like a move (issue 9 §6): a correction takes back the latest move OR delay in force.
 * A delay counts only while a supply dated ≤ D is in force beneath it, and the last one in id order
 * wins (each is checked against the date in force when it was recorded). Delays are NOT part of the
 * dated prefix (a start may be dated before a delay recorded earlier), and the row keeps only the
 * latest agreed start, so SQL needs the delay events for the agreed start on a past D. `edit` events
 * change registration fields only and are ignored here.
 */

export type EventKind = "move" | "correction" | "edit" | "delay";

/** One parcel event as stored (parcel_events), `data` already parsed from JSON. */
export type HistoryEvent = {
  id: number;
  kind: EventKind;
  fromState: State | null;
  toState: State | null;
  on: string;
  data: Record<string, unknown>;
  revertsEventId: number | null;
};

/** How the parcel was registered: `planned`, or straight into the reserve on `on` (存量土地收回收购). */
export type Registration = { state: "planned" } | { state: "reserved"; on: string };

/** The states a move can reach, each with the date it was reached. */
export type ReachedState = Exclude<State, "planned">;

/** The date column each reached state fills, named as in the parcel row and the API (`approvedOn`, …). */
export type ReachedColumn = `${ReachedState}On`;

export type ParcelAsOf = Record<ReachedColumn, string | null> & {
  asOf: string;
  /** null: registered straight into the reserve after D, so not on the books yet on D. */
  state: State | null;
  /** The agreed start in force on D: the supply's, or the latest delay's dated ≤ D. */
  agreedStartOn: string | null;
  /** The agreed start the supply contract set, before any delay. */
  originalAgreedStartOn: string | null;
  agreedCompletionOn: string | null;
  /** Supply price in integer 元 (the move records 万元); null for an allocation (划拨) without price. */
  priceYuan: number | null;
};

const COLUMN: Record<ReachedState, ReachedColumn> = {
  approved: "approvedOn",
  acquired: "acquiredOn",
  reserved: "reservedOn",
  supplied: "suppliedOn",
  started: "startedOn",
  completed: "completedOn",
  withdrawn: "withdrawnOn",
};

const dateField = (v: unknown) => (typeof v === "string" ? v : null);
const yuanField = (v: unknown) => (typeof v === "number" ? Math.round(v * 10000) : null);

/**
 * The moves and delays still in force, in id order: those no correction names. (A correction takes back the
 * latest move, delay or edit in force, and names it: domain/record.ts effectiveMoves; edits matter not here.)
 */
export function eventsInForce(events: readonly HistoryEvent[]): HistoryEvent[] {
  const reverted = new Set(events.filter((e) => e.kind === "correction").map((e) => e.revertsEventId));
  return events.filter((e) => (e.kind === "move" || e.kind === "delay") && !reverted.has(e.id));
}

/** The parcel as of `asOf`, from its registration and ALL its events in id order (not only those ≤ D). */
export function replayAsOf(registration: Registration, events: readonly HistoryEvent[], asOf: string): ParcelAsOf {
  const out: ParcelAsOf = {
    asOf,
    state: "planned",
    approvedOn: null,
    acquiredOn: null,
    reservedOn: null,
    suppliedOn: null,
    startedOn: null,
    completedOn: null,
    withdrawnOn: null,
    agreedStartOn: null,
    originalAgreedStartOn: null,
    agreedCompletionOn: null,
    priceYuan: null,
  };
  if (registration.state === "reserved") {
    if (registration.on > asOf) return { ...out, state: null };
    out.state = "reserved";
    out.reservedOn = registration.on;
  }
  for (const e of eventsInForce(events)) {
    if (e.on > asOf) continue;
    if (e.kind === "move" && e.toState !== null && e.toState !== "planned") {
      out.state = e.toState;
      out[COLUMN[e.toState]] = e.on;
      if (e.toState === "supplied") {
        out.originalAgreedStartOn = dateField(e.data.agreedStartOn);
        out.agreedStartOn = out.originalAgreedStartOn;
        out.agreedCompletionOn = dateField(e.data.agreedCompletionOn);
        out.priceYuan = yuanField(e.data.priceWan);
      }
    } else if (e.kind === "delay" && out.suppliedOn !== null) {
      out.agreedStartOn = dateField(e.data.newAgreedStartOn) ?? out.agreedStartOn;
    }
  }
  return out;
}

import type { Parcel } from "../db/schema";
import { mayCorrect, type Corrector, type State } from "./chain";
import { shanghaiDate } from "./dates";
import type { MoveFields } from "./moves";

/** The parcel columns a move writes; everything else about a parcel is registration data. */
export type ParcelPatch = Partial<Omit<Parcel, "id" | "code" | "version" | "createdAt" | "createdBy">>;

// The columns each state's move fills in; a correction of that move clears exactly these.
export const STATE_COLUMNS: Record<State, (keyof ParcelPatch)[]> = {
  planned: [],
  approved: ["approvedOn", "approvalDocNo"],
  acquired: ["acquiredOn", "acquisitionDocNo"],
  reserved: ["reservedOn", "reserveNo"],
  supplied: [
    "suppliedOn",
    "supplyMethod",
    "supplyDocNo",
    "landUser",
    "priceYuan",
    "agreedStartOn",
    "originalAgreedStartOn",
    "agreedCompletionOn",
    "supervisionNo",
  ],
  started: ["startedOn", "permitNo"],
  completed: ["completedOn"],
  withdrawn: ["withdrawnOn", "withdrawalDocNo", "withdrawalReason"],
};

const str = (v: unknown) => (v === undefined ? null : String(v));

/** 万元 → integer 元, exact to the 元. */
export const wanToYuan = (wan: number) => Math.round(wan * 10000);

/** The parcel columns a validated move to `to` on `date` sets. */
export function movePatch(to: State, date: string, f: MoveFields): ParcelPatch {
  const base: ParcelPatch = { state: to, lastMovedOn: date };
  switch (to) {
    case "approved":
      return {
        ...base,
        approvedOn: date,
        approvalDocNo: str(f.docNo),
        ...(f.batchId !== undefined ? { batchId: Number(f.batchId) } : {}),
      };
    case "acquired":
      return { ...base, acquiredOn: date, acquisitionDocNo: str(f.docNo) };
    case "reserved":
      return { ...base, reservedOn: date, reserveNo: str(f.reserveNo) };
    case "supplied":
      return {
        ...base,
        suppliedOn: date,
        supplyMethod: str(f.method),
        supplyDocNo: str(f.docNo),
        landUser: str(f.landUser),
        priceYuan: f.priceWan === undefined ? null : wanToYuan(Number(f.priceWan)),
        agreedStartOn: str(f.agreedStartOn),
        originalAgreedStartOn: str(f.agreedStartOn),
        agreedCompletionOn: str(f.agreedCompletionOn),
        supervisionNo: str(f.supervisionNo),
      };
    case "started":
      return { ...base, startedOn: date, permitNo: str(f.permitNo) };
    case "completed":
      return { ...base, completedOn: date };
    case "withdrawn":
      return { ...base, withdrawnOn: date, withdrawalDocNo: str(f.docNo), withdrawalReason: str(f.reason) };
    default:
      return base;
  }
}

/** The minimum an event needs to say for the chain to be replayed. */
export type ChainEvent = {
  id: number;
  kind: string;
  fromState: string | null;
  toState: string | null;
  on: string;
  revertsEventId: number | null;
};

/**
 * The moves, government-cause delays and registration edits still in force, oldest first: each correction
 * takes back the latest one, move, delay or edit (issue 9 §6, issue 10 §1; as-of.ts eventsInForce reads the
 * same from the ids the corrections name).
 */
export function effectiveMoves<E extends ChainEvent>(events: readonly E[]): E[] {
  const stack: E[] = [];
  for (const e of events) {
    if (e.kind === "move" || e.kind === "delay" || e.kind === "edit") stack.push(e);
    else if (e.kind === "correction") stack.pop();
  }
  return stack;
}

/**
 * The columns that undo `move`: its state's fields cleared, the previous state and date restored,
 * and a batch it set put back. `previousOn` is the date of the move in force before it (or the
 * registration date of a parcel registered straight into the reserve), null for none.
 */
export function correctionPatch(
  move: ChainEvent & { data: Record<string, unknown> },
  previousOn: string | null,
): ParcelPatch {
  // An edit changed registration fields only: undoing it puts back each field's value before it.
  if (move.kind === "edit") {
    const changes = (move.data.changes ?? {}) as Record<string, { from: unknown }>;
    return Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.from ?? null])) as ParcelPatch;
  }
  // A delay changed only the agreed start: undoing it puts back the start it replaced (kept on the event).
  if (move.kind === "delay") {
    const before = move.data.previousAgreedStartOn;
    return { agreedStartOn: typeof before === "string" ? before : null };
  }
  const patch: ParcelPatch = { state: move.fromState as State, lastMovedOn: previousOn };
  for (const col of STATE_COLUMNS[move.toState as State] ?? []) (patch as Record<string, unknown>)[col] = null;
  if ("previousBatchId" in move.data) patch.batchId = (move.data.previousBatchId as number | null) ?? null;
  return patch;
}

/**
 * The latest move still in force when `user` may undo it on `today`, else null — the one rule behind
 * both the correction itself and whether the page offers the correction form (docs/PRODUCT.md §3: an admin, or
 * the officer who recorded the move, on the same Shanghai day).
 */
export function correctableMove<E extends ChainEvent & { actorId: number; recordedAt: string }>(
  user: Corrector,
  events: readonly E[],
  today: string,
): E | null {
  const last = effectiveMoves(events).at(-1);
  if (!last) return null;
  return mayCorrect(user, { actorId: last.actorId, movedOnDay: shanghaiDate(new Date(last.recordedAt)) }, today)
    ? last
    : null;
}

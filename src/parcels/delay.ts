import type { Db } from "../db/client";
import { violates } from "../db/errors";
import { parseDelay, validateDelay } from "../domain/delay";
import type { Actor } from "../http/actor";
import type { NewEvent } from "./change";
import { parcelJson } from "./json";
import { idempotencyKeyQuery } from "./queries";
import { conflict, invalid, notFound, replay, writeChange, type MoveContext, type OpResult } from "./writes";

/**
 * Records a government-cause delay (政府原因延期, docs/PRODUCT.md §6) as a `delay` event: the agreed start
 * in force moves, the original stays in original_agreed_start_on, and the event keeps the start it
 * replaced so a correction can put it back. Version-guarded and idempotent exactly like a move.
 */
export async function delayParcel(db: Db, m: MoveContext, body: unknown, a: Actor): Promise<OpResult> {
  const { parcel, seen, idempotencyKey, requestHash } = m;
  if (seen) return replay(seen, parcel, a, requestHash);
  if (!parcel) return notFound;
  const parsed = parseDelay(body);
  if (!parsed.ok) return invalid(parsed.issues);
  if (parsed.value.version !== parcel.version) return conflict;
  const checked = validateDelay(parcel, parsed.value, a.today);
  if (!checked.ok) return invalid(checked.issues, checked.error);
  const v = checked.value;
  // Writing the original too mends a row supplied before the column existed; for others it is unchanged.
  const patch = { agreedStartOn: v.newAgreedStartOn, originalAgreedStartOn: checked.originalAgreedStartOn };
  const after = { ...parcel, ...patch, version: parcel.version + 1, updatedAt: a.now };
  const event: NewEvent = {
    kind: "delay",
    fromState: parcel.state,
    toState: parcel.state,
    on: v.date,
    note: null,
    actorId: a.user.id,
    recordedAt: a.now,
    data: {
      cause: v.cause,
      docNo: v.docNo,
      newAgreedStartOn: v.newAgreedStartOn,
      previousAgreedStartOn: checked.previousAgreedStartOn,
    },
    idempotencyKey: idempotencyKey ?? null,
    requestHash: idempotencyKey ? (requestHash ?? null) : null,
    response: idempotencyKey ? JSON.stringify(parcelJson(after)) : null,
  };
  try {
    return await writeChange(db, parcel, patch, event, a);
  } catch (e) {
    // Two requests raced with one key: the loser answers with the winner's outcome.
    if (!idempotencyKey || !violates(e, "UNIQUE")) throw e;
    const [winner] = await idempotencyKeyQuery(db, idempotencyKey);
    if (winner) return replay(winner, parcel, a, requestHash);
    throw e;
  }
}

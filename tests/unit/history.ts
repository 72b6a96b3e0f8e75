import type { HistoryEvent } from "../../src/domain/as-of";
import type { State } from "../../src/domain/chain";

/** One step of a hand-written parcel history. */
export type Step =
  | { to: State; on: string; data?: Record<string, unknown> }
  | { correct: string }
  | { delay: string; newAgreedStartOn: string }
  | { edit: string };

/**
 * Events in id order as the product would store them: a correction names the move or delay it
 * takes back and restores the state before it; a delay and an edit keep the state.
 */
export function history(start: State, steps: readonly Step[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const stack: { id: number; stateBefore: State }[] = [];
  let state = start;
  for (const step of steps) {
    const id = events.length + 1;
    const base = { id, data: {}, revertsEventId: null };
    if ("to" in step) {
      events.push({ ...base, kind: "move", fromState: state, toState: step.to, on: step.on, data: step.data ?? {} });
      stack.push({ id, stateBefore: state });
      state = step.to;
    } else if ("correct" in step) {
      const top = stack.pop();
      if (!top) throw new Error("nothing to correct");
      events.push({
        ...base,
        kind: "correction",
        fromState: state,
        toState: top.stateBefore,
        on: step.correct,
        revertsEventId: top.id,
      });
      state = top.stateBefore;
    } else if ("delay" in step) {
      events.push({
        ...base,
        kind: "delay",
        fromState: state,
        toState: state,
        on: step.delay,
        data: { newAgreedStartOn: step.newAgreedStartOn },
      });
      stack.push({ id, stateBefore: state });
    } else {
      events.push({ ...base, kind: "edit", fromState: state, toState: state, on: step.edit, data: { name: "改名" } });
    }
  }
  return events;
}

/** The fields of a supply move (docs/PRODUCT.md §9 "Move input"). */
export const supply = (agreedStartOn: string, agreedCompletionOn: string, priceWan?: number) => ({
  method: priceWan === undefined ? "allocation" : "listing",
  docNo: "出让合同-1",
  landUser: "某公司",
  agreedStartOn,
  agreedCompletionOn,
  ...(priceWan === undefined ? {} : { priceWan }),
});

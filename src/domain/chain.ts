// 批—征—储—供—用 the construction-land chain: states and the moves allowed between them (docs/PRODUCT.md §3).
export const STATES = [
  "planned", // 拟报批
  "approved", // 批 已批准
  "acquired", // 征 已征收
  "reserved", // 储 已入库
  "supplied", // 供 已供应
  "started", // 用 已开工
  "completed", // 用 已竣工
  "withdrawn", // 已撤回/核减
] as const;
export type State = (typeof STATES)[number];

/** The states that make up the chain strip, in order. */
export const CHAIN_STATES: readonly State[] = STATES;

const NEXT: Partial<Record<State, State>> = {
  planned: "approved",
  approved: "acquired",
  acquired: "reserved",
  reserved: "supplied",
  supplied: "started",
  started: "completed",
};

// Two skips, each needing a reason: state-owned land has nothing to expropriate (approved → reserved);
// standalone-site projects allocated directly bypass the reserve (acquired → supplied).
const SKIPS: Partial<Record<State, State>> = { approved: "reserved", acquired: "supplied" };

// 撤回/核减 is possible only before the land is supplied.
const WITHDRAWABLE: readonly State[] = ["planned", "approved", "acquired", "reserved"];

export type MoveKind = "forward" | "skip" | "withdraw";

/** How `from → to` is allowed, or null when the chain forbids it. */
export function moveKind(from: State, to: State): MoveKind | null {
  if (NEXT[from] === to) return "forward";
  if (SKIPS[from] === to) return "skip";
  if (to === "withdrawn" && WITHDRAWABLE.includes(from)) return "withdraw";
  return null;
}

/** Every state reachable from `from` in one move. */
export function allowedTargets(from: State): State[] {
  return STATES.filter((to) => moveKind(from, to) !== null);
}

export function isState(value: unknown): value is State {
  return typeof value === "string" && (STATES as readonly string[]).includes(value);
}

/** The states a parcel may be registered in: planned, or reserved for state-owned stock (存量土地收回收购). */
export function registrableState(origin: "collective" | "state", state: State | undefined): boolean {
  if (state === undefined || state === "planned") return true;
  return state === "reserved" && origin === "state";
}

export type DateProblem = "before_previous" | "after_today" | null;

/** A move's business date must not precede the previous move's and must not be after today (Asia/Shanghai). */
export function checkMoveDate(date: string, previousOn: string | null, today: string): DateProblem {
  if (date > today) return "after_today";
  if (previousOn && date < previousOn) return "before_previous";
  return null;
}

export type Corrector = { id: number; role: string };

/**
 * Only an admin, or the officer who made the move on the same day (Asia/Shanghai), may undo it.
 * `movedOnDay` is the Shanghai calendar day the move was recorded.
 */
export function mayCorrect(user: Corrector, move: { actorId: number; movedOnDay: string }, today: string): boolean {
  if (user.role === "admin") return true;
  return user.role === "officer" && user.id === move.actorId && move.movedOnDay === today;
}

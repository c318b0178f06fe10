// Reconnect delays of docs/PROTOCOL.md §9: 250 ms doubling up to 5 s, each delay ±50 % random,
// for as long as the budget lasts. Pure: the caller passes its clock and its random numbers.

export const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 5000;
/** How long the page keeps trying before it says the server is gone. */
export const GIVE_UP_AFTER_MS = 60000;

/** The nominal delay before attempt n (1-based): 250, 500, 1000, … capped at 5000. */
export function nominalDelayMs(attempt) {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

/** The delay before attempt n with `random` uniform in [0, 1): nominal × [0.5, 1.5). */
export function delayMs(attempt, random) {
  return nominalDelayMs(attempt) * (0.5 + random);
}

/** Whether an attempt that would start at `startsAt` is still within the budget from `lostAt`. */
export function withinBudget(lostAt, startsAt, budgetMs = GIVE_UP_AFTER_MS) {
  return startsAt - lostAt <= budgetMs;
}

/** One lost link's attempts: how long to wait before each, until the budget is spent. */
export class Retries {
  constructor(budgetMs = GIVE_UP_AFTER_MS) {
    this.budgetMs = budgetMs;
    this.reset();
  }

  /** The link is back (or opened anew): the next loss starts from attempt 1. */
  reset() {
    this.attempt = 0;
    this.lostAt = null;
  }

  get lost() {
    return this.lostAt !== null;
  }

  /** The wait before the next attempt, or null when that attempt would start after the budget. */
  next(nowMs, random) {
    if (this.lostAt === null) {
      this.lostAt = nowMs;
    }
    this.attempt++;
    const wait = delayMs(this.attempt, random);
    return withinBudget(this.lostAt, nowMs + wait, this.budgetMs) ? wait : null;
  }
}

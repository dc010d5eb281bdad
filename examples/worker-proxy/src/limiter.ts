import { ProxyError } from "./http";

// Callers beyond this many waiting are told to come back instead of queueing
// for minutes behind a slow API.
const MAX_WAITING = 64;
// A waiter also looks again after this long, so that it never depends on
// another request alone to wake it.
const RECHECK_MS = 250;

/**
 * Runs at most `limit` tasks at once across all requests of an isolate.
 *
 * A waiter must not wait on a promise that another request resolves: workerd
 * sees a request with nothing of its own pending as hung and cancels it. So a
 * waiter races the running tasks' own promises (which workerd lets another
 * request await) against a timer of its own, and looks again when either
 * settles. Waiters are therefore not served in strict arrival order.
 */
export class Limiter {
  private readonly running = new Set<Promise<void>>();
  private waiting = 0;

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running.size >= this.limit) await this.waitForSlot();

    const result = task();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    try {
      return await result;
    } finally {
      this.running.delete(settled);
    }
  }

  private async waitForSlot(): Promise<void> {
    if (this.waiting >= MAX_WAITING) {
      throw new ProxyError(503, "busy", "the proxy has too many calls waiting for the API: retry shortly", {
        retryAfterSec: 1,
      });
    }
    this.waiting += 1;
    try {
      while (this.running.size >= this.limit) {
        await Promise.race([...this.running, sleep(RECHECK_MS)]);
      }
    } finally {
      this.waiting -= 1;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

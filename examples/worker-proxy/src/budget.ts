import type { RateLimit } from "qualys-pci";
import { ProxyError } from "./http";

/**
 * The account's call budget as the vendor reports it. While it is spent, the
 * proxy answers 429 itself instead of spending calls that the API would
 * refuse (and that may count against the account anyway).
 *
 * The state lives in one isolate; see the README for why a Durable Object is
 * the step to a budget shared by every isolate.
 */
export class RateBudget {
  private blockedUntil = 0;

  constructor(private readonly probeAfterSec: number) {}

  /** Reads the vendor's rate headers of any upstream answer, as the SDK's `onRequest` hook reports them. */
  observe(limits: RateLimit, now = Date.now()): void {
    if (limits.toWaitSec !== undefined) {
      this.blockUntil(now + limits.toWaitSec * 1000);
      return;
    }
    if (limits.remaining === 0) {
      // The vendor says when a slot frees only once a call is refused. Wait a
      // while (at most one window), then let one call through to ask.
      const window = limits.windowSec ?? this.probeAfterSec;
      this.blockUntil(now + Math.min(window, this.probeAfterSec) * 1000);
    }
  }

  /** Records a wait that the SDK reported on a `rateLimited` error. */
  noteRetryAfter(ms: number, now = Date.now()): void {
    this.blockUntil(now + ms);
  }

  /** Throws 429 with Retry-After while the budget is spent. */
  check(now = Date.now()): void {
    const waitMs = this.blockedUntil - now;
    if (waitMs > 0) throw spent(waitMs);
  }

  private blockUntil(at: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, at);
  }
}

/** The 429 that callers get while the account's budget is spent. */
export function spent(waitMs: number): ProxyError {
  return new ProxyError(
    429,
    "rateLimited",
    "the account's API call budget is spent: retry after the time in Retry-After",
    { retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) },
  );
}

/**
 * Shares one in-flight call among identical requests: the first caller runs
 * it, later callers with the same key await the same promise until it settles.
 * Only plain values are shared; workerd forbids sharing I/O objects (such as
 * a Response body) between requests.
 */
export class Coalescer<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** The shared result, and whether this caller joined a call already running. */
  async run(key: string, ctx: ExecutionContext, task: () => Promise<T>): Promise<{ value: T; joined: boolean }> {
    const running = this.inFlight.get(key);
    if (running) return { value: await running, joined: true };

    const promise = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    // Keeps the call alive if its first caller disconnects: the others still
    // wait on it, and workerd would cancel them along with that request.
    ctx.waitUntil(promise.catch(() => undefined));
    return { value: await promise, joined: false };
  }
}

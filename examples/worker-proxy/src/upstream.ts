import { PciClient } from "qualys-pci";
import { RateBudget } from "./budget";
import { type Config, ConfigError } from "./config";
import { isPciError } from "./errors";
import { Limiter } from "./limiter";

/**
 * The one way to the API: the shared SDK client behind the budget check and
 * the concurrency limit. One per isolate.
 */
export class Upstream {
  readonly budget: RateBudget;
  private readonly limiter: Limiter;
  private readonly client: PciClient;

  constructor(config: Config) {
    this.budget = new RateBudget(config.rateProbeAfterSec);
    this.limiter = new Limiter(config.upstreamConcurrency);
    this.client = createClient(config, this.budget);
  }

  /**
   * Runs one SDK call once the budget allows and a slot is free. The call is
   * kept alive past a caller that disconnects, so that its slot is released.
   */
  async call<T>(ctx: ExecutionContext, task: (client: PciClient) => Promise<T>): Promise<T> {
    this.budget.check();
    const call = this.limiter.run(async () => {
      // The budget may have been spent while this call waited for a slot.
      this.budget.check();
      try {
        return await task(this.client);
      } catch (error) {
        if (isPciError(error) && error.kind === "rateLimited" && error.retryAfterMs !== undefined) {
          this.budget.noteRetryAfter(error.retryAfterMs);
        }
        throw error;
      }
    });
    ctx.waitUntil(call.catch(() => undefined));
    return call;
  }
}

function createClient(config: Config, budget: RateBudget): PciClient {
  try {
    return new PciClient({
      baseUrl: config.baseUrl,
      ...config.credentials,
      // One quick retry for a 503 or a dropped connection; a longer wait is
      // answered to the caller as 429 + Retry-After rather than held here
      // while it occupies one of the account's few concurrent slots.
      maxRetries: 1,
      maxRetryDelayMs: 1000,
      timeoutMs: 30_000,
      requestedWith: "qualys-pci-worker-proxy",
      // Every upstream answer's rate headers feed the budget.
      onRequest: (event) => budget.observe(event.rateLimit),
    });
  } catch (error) {
    // The SDK checks the options when the client is built; for the proxy's
    // callers that is a setting to fix, not bad input of theirs.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`QUALYS_BASE_URL or the credentials were refused by the SDK: ${reason}`);
  }
}

const upstreams = new WeakMap<Config, Upstream>();

/** The isolate's upstream for this configuration. */
export function upstreamFor(config: Config): Upstream {
  let upstream = upstreams.get(config);
  if (upstream === undefined) {
    upstream = new Upstream(config);
    upstreams.set(config, upstream);
  }
  return upstream;
}

import { checkDeclaredLength } from "./body";
import { ResponseCache } from "./cache";
import { type Config, type Env, loadConfig } from "./config";
import { allowedOrigin, preflight, withCors } from "./cors";
import { requireProxyToken } from "./auth";
import { scrub, toProxyError } from "./errors";
import { handle } from "./handlers";
import { type ProxyError, errorResponse } from "./http";
import { route } from "./routes";
import { upstreamFor } from "./upstream";

/**
 * A Worker between browsers and the Qualys PCI API: it holds the credentials,
 * admits only callers with the proxy token, and spends the account's small
 * call budget carefully (cache, coalescing, a concurrency cap, 429s).
 */
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    let config: Config | undefined;
    try {
      config = loadConfig(env);
    } catch (error) {
      return fail(request, toProxyError(error, undefined), undefined);
    }

    if (request.method === "OPTIONS") return preflight(request, config);
    const origin = allowedOrigin(request, config);
    try {
      await requireProxyToken(request, config);
      const match = route(request);
      checkDeclaredLength(request);
      const response = await handle({
        request,
        url: new URL(request.url),
        match,
        config,
        upstream: upstreamFor(config),
        cache: new ResponseCache(caches.default, new URL(request.url).origin),
        ctx,
      });
      return withCors(response, origin);
    } catch (error) {
      const failure = toProxyError(error, config);
      if (failure.kind === "internal") logUnexpected(error, config);
      return fail(request, failure, origin);
    }
  },
} satisfies ExportedHandler<Env>;

function fail(request: Request, error: ProxyError, origin: string | undefined): Response {
  // Method, status and kind only: URLs and headers stay out of the logs.
  console.log(JSON.stringify({ method: request.method, status: error.status, kind: error.kind }));
  return withCors(errorResponse(error), origin);
}

function logUnexpected(error: unknown, config: Config): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`unexpected failure: ${scrub(text, config.secrets)}`);
}

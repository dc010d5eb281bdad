import type { Config } from "./config";

// What the SDK sends from a browser; anything else is not needed by a caller.
const ALLOWED_HEADERS = "Authorization, Content-Type, apiVersion, X-Requested-With";
const ALLOWED_METHODS = "GET, POST, PUT";
// Read by the SDK (file name, retry waits) and by the dashboard (cache state).
const EXPOSED_HEADERS = "Content-Disposition, Retry-After, X-Proxy-Cache";

/** The caller's origin when it is one of ALLOWED_ORIGINS. */
export function allowedOrigin(request: Request, config: Config): string | undefined {
  const origin = request.headers.get("Origin");
  return origin !== null && config.allowedOrigins.has(origin) ? origin : undefined;
}

/** Answers a CORS preflight: allowed origins get the grant, others a bare 403. */
export function preflight(request: Request, config: Config): Response {
  const origin = allowedOrigin(request, config);
  if (origin === undefined || !request.headers.has("Access-Control-Request-Method")) {
    return new Response(null, { status: 403, headers: { Vary: "Origin" } });
  }
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    },
  });
}

/** Adds CORS headers for an allowed origin; every answer varies by Origin. */
export function withCors(response: Response, origin: string | undefined): Response {
  // Responses from fetch() or the cache have immutable headers.
  const out = new Response(response.body, response);
  out.headers.append("Vary", "Origin");
  if (origin !== undefined) {
    out.headers.set("Access-Control-Allow-Origin", origin);
    out.headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }
  return out;
}

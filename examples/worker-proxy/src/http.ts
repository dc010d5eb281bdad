/** Who refused a request: the proxy itself, or the vendor's API behind it. */
export type ErrorSource = "proxy" | "api";

export interface ProxyErrorOptions {
  field?: string;
  retryAfterSec?: number;
  source?: ErrorSource;
  /** The vendor's own message, already scrubbed of secrets. */
  detail?: string;
}

/**
 * A failure answered to the caller as `{error: {kind, message, field?}}`.
 * Kinds are the SDK's (`invalidInput`, `rateLimited`, ...) plus the proxy's
 * own `payloadTooLarge`, `notFound`, `methodNotAllowed` and `internal`.
 */
export class ProxyError extends Error {
  override name = "ProxyError";

  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly options: ProxyErrorOptions = {},
  ) {
    super(message);
  }
}

/** A 400 that names the offending input. */
export function invalidInput(field: string, message: string): ProxyError {
  return new ProxyError(400, "invalidInput", message, { field });
}

/** The vendor's envelope, so that the SDK can use the proxy as its `baseUrl`. */
export function envelope(data: unknown): string {
  return JSON.stringify({ responseApiVersion: "LATEST - V1", data });
}

export function jsonResponse(body: string, status = 200, headers: HeadersInit = {}): Response {
  const response = new Response(body, { status, headers });
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export function errorResponse(error: ProxyError): Response {
  const { field, retryAfterSec, source = "proxy", detail } = error.options;
  const body = JSON.stringify({
    error: { kind: error.kind, message: error.message, field, source, detail },
  });
  const response = jsonResponse(body, error.status);
  if (retryAfterSec !== undefined) {
    response.headers.set("Retry-After", String(retryAfterSec));
  }
  if (error.status === 401 && source === "proxy") {
    response.headers.set("WWW-Authenticate", 'Bearer realm="qualys-pci-proxy"');
  }
  return response;
}

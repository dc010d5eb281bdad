import type { PciError } from "qualys-pci";
import type { Config } from "./config";
import { ConfigError } from "./config";
import { ProxyError } from "./http";

export function isPciError(error: unknown): error is PciError {
  return error instanceof Error && error.name === "PciError" && "kind" in error;
}

// The caller's view of each SDK kind: a status when the API gave none, and a
// sentence that says what the proxy's operator or the caller can do.
const KINDS: Record<string, { status: number; message: string }> = {
  unauthorized: {
    status: 401,
    message:
      "the API refused the proxy's credentials: check the Worker secrets QUALYS_USERNAME and QUALYS_PASSWORD (or QUALYS_BEARER_TOKEN)",
  },
  forbidden: { status: 403, message: "the API refused access to this account" },
  notFound: { status: 404, message: "the API has no such report" },
  conflict: { status: 409, message: "the report is not in a state that allows this yet" },
  rateLimited: { status: 429, message: "the account's API call limit was reached: retry after the time in Retry-After" },
  server: { status: 502, message: "the API failed: retry later" },
  http: { status: 502, message: "the API answered with an unexpected status" },
  network: { status: 502, message: "the proxy could not reach the API" },
  timeout: { status: 504, message: "the API did not answer in time" },
  decode: { status: 502, message: "the API's answer could not be read" },
  aborted: { status: 503, message: "the call to the API was cancelled" },
};

const MAX_DETAIL = 300;

/** Turns anything thrown into the error answered to the caller, with secrets scrubbed. */
export function toProxyError(error: unknown, config: Config | undefined): ProxyError {
  const secrets = config?.secrets ?? [];
  if (error instanceof ProxyError) return error;
  if (error instanceof ConfigError) {
    return new ProxyError(500, "misconfigured", `the proxy is misconfigured: ${scrub(error.message, secrets)}`);
  }
  if (!isPciError(error)) {
    return new ProxyError(500, "internal", "the proxy failed unexpectedly");
  }

  if (error.kind === "invalidInput") {
    // The SDK names the argument path ("query.limit"); callers know the name.
    const field = error.field?.replace(/^(query|submission)\./, "");
    return new ProxyError(400, "invalidInput", scrub(error.message, secrets), { field });
  }
  const known = KINDS[error.kind] ?? KINDS.http!;
  // Upstream statuses are kept; errors without one (network, timeout) get the
  // gateway status that names them. A rate limit is always 429 to callers,
  // whatever the vendor used (it signals limits with 409).
  const status = error.kind === "rateLimited" ? 429 : (error.status ?? known.status);
  return new ProxyError(status, error.kind, known.message, {
    source: "api",
    detail: vendorMessage(error.body, secrets),
    retryAfterSec: error.kind === "rateLimited" ? Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)) : undefined,
  });
}

/** Removes every secret from a text meant for a caller or a log. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}

// Only the `message` of the vendor's JSON error is passed on, shortened and
// scrubbed; HTML pages, stack traces and other bodies are dropped.
function vendorMessage(body: string | undefined, secrets: readonly string[]): string | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === "object" && "message" in parsed && typeof parsed.message === "string") {
      return scrub(parsed.message, secrets).replace(/[\u0000-\u001f]/g, " ").slice(0, MAX_DETAIL);
    }
  } catch {
    // Not JSON: nothing to pass on.
  }
  return undefined;
}

import { ProxyError, invalidInput } from "./http";

export type Operation = "summary" | "reportData" | "submit" | "status" | "download" | "review";

export interface RouteMatch {
  operation: Operation;
  /** The report id as it appeared in the path, not yet validated. */
  rawReportId?: string;
}

interface Route {
  operation: Operation;
  method: "GET" | "POST" | "PUT";
  pattern: RegExp;
}

// Each operation answers at the short `/api/...` path and at the vendor's own
// path, so that the SDK works with `baseUrl` set to the proxy.
const ROUTES: readonly Route[] = [
  { operation: "summary", method: "GET", pattern: /^\/api\/compliance-summary$/ },
  { operation: "summary", method: "GET", pattern: /^\/pci\/compliance\/summary$/ },
  { operation: "summary", method: "GET", pattern: /^\/pci\/reporting\/complianceSummary$/ },
  { operation: "reportData", method: "GET", pattern: /^\/api\/report-data$/ },
  { operation: "reportData", method: "GET", pattern: /^\/pci\/reporting\/reportGeneration\/fetch$/ },
  { operation: "submit", method: "POST", pattern: /^\/api\/reports$/ },
  { operation: "submit", method: "POST", pattern: /^\/pci\/reporting\/reportGeneration\/submit$/ },
  { operation: "status", method: "GET", pattern: /^\/api\/reports\/([^/]+)\/status$/ },
  { operation: "status", method: "GET", pattern: /^\/pci\/reporting\/([^/]+)\/status$/ },
  { operation: "download", method: "GET", pattern: /^\/api\/reports\/([^/]+)\/download$/ },
  { operation: "download", method: "GET", pattern: /^\/pci\/reporting\/download$/ },
  { operation: "review", method: "PUT", pattern: /^\/api\/reports\/([^/]+)\/review$/ },
  { operation: "review", method: "PUT", pattern: /^\/pci\/reporting\/([^/]+)\/requestReview$/ },
];

// Dot segments, empty segments, backslashes and their percent-encodings are
// how a path escapes its route once something downstream decodes it.
const PATH_TRICK = /\/\/|\\|%2e|%2f|%5c|%00|(^|\/)\.{1,2}(\/|$)/i;

/** The route for a request, or 404/405. Works on the path exactly as sent. */
export function route(request: Request): RouteMatch {
  const path = rawPath(request.url);
  if (PATH_TRICK.test(path)) {
    throw invalidInput("path", "the path contains dot segments, double slashes or encoded separators");
  }

  const matching = ROUTES.filter((r) => r.pattern.test(path));
  if (matching.length === 0) {
    throw new ProxyError(404, "notFound", `no such route: ${request.method} ${path}`);
  }
  const found = matching.find((r) => r.method === request.method);
  if (found === undefined) {
    const allowed = [...new Set(matching.map((r) => r.method))].join(", ");
    throw new ProxyError(405, "methodNotAllowed", `${request.method} is not allowed here; use ${allowed}`);
  }
  return { operation: found.operation, rawReportId: found.pattern.exec(path)?.[1] };
}

// `new URL()` would resolve `..` before we could see it, so the path is cut
// out of the URL string instead.
function rawPath(url: string): string {
  const afterScheme = url.indexOf("//") + 2;
  const start = url.indexOf("/", afterScheme);
  if (start < 0) return "/";
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}

import type { PciClient, ReportStatusResult, ReportSubmission } from "qualys-pci";
import { readJsonObject } from "./body";
import { ResponseCache } from "./cache";
import { Coalescer } from "./coalesce";
import type { Config } from "./config";
import { envelope, invalidInput, jsonResponse } from "./http";
import type { RouteMatch } from "./routes";
import type { Upstream } from "./upstream";
import { noParams, onlyParams, reportId, summaryKey, summaryQuery } from "./validate";

/** Everything a handler needs for one request. */
export interface RequestContext {
  request: Request;
  url: URL;
  match: RouteMatch;
  config: Config;
  upstream: Upstream;
  cache: ResponseCache;
  ctx: ExecutionContext;
}

// Statuses that change by themselves while the vendor works on a report; the
// others only change when someone acts on the report.
const MOVING_STATUSES = new Set(["Launched", "Report Generating", "Pending Review"]);

const coalescer = new Coalescer<{ body: string; cached: boolean }>();

export function handle(c: RequestContext): Promise<Response> {
  switch (c.match.operation) {
    case "summary":
      return summary(c);
    case "reportData":
      return reportData(c);
    case "submit":
      return submit(c);
    case "status":
      return status(c);
    case "download":
      return download(c);
    case "review":
      return review(c);
  }
}

function summary(c: RequestContext): Promise<Response> {
  const query = summaryQuery(c.url.searchParams);
  return cachedGet(c, "summary", summaryKey(query), () => c.config.ttls.summary, (client) =>
    client.complianceSummary(query),
  );
}

function reportData(c: RequestContext): Promise<Response> {
  noParams(c.url.searchParams);
  return cachedGet(c, "report-data", "", () => c.config.ttls.reportData, (client) => client.fetchReportData());
}

function status(c: RequestContext): Promise<Response> {
  noParams(c.url.searchParams);
  const id = reportId(c.match.rawReportId);
  const ttl = (result: ReportStatusResult) =>
    MOVING_STATUSES.has(result.status) ? c.config.ttls.movingStatus : c.config.ttls.settledStatus;
  return cachedGet(c, "status", `id=${id}`, ttl, (client) => client.reportStatus(id));
}

async function submit(c: RequestContext): Promise<Response> {
  noParams(c.url.searchParams);
  // The SDK checks the submission's shape and rules before sending it.
  const submission = (await readJsonObject(c.request)) as unknown as ReportSubmission;
  const result = await c.upstream.call(c.ctx, (client) => client.submitReport(submission));
  return jsonResponse(envelope(result));
}

async function review(c: RequestContext): Promise<Response> {
  noParams(c.url.searchParams);
  const id = reportId(c.match.rawReportId);
  const result = await c.upstream.call(c.ctx, (client) => client.requestReview(id));
  // The cached "Generated" is now wrong; the next poll asks the API.
  await c.cache.delete(c.cache.key("status", `id=${id}`));
  return jsonResponse(envelope(result));
}

async function download(c: RequestContext): Promise<Response> {
  const params = c.url.searchParams;
  // `/api/reports/:id/download?type=` or the vendor's `?reportId=&reportType=`.
  const vendorShape = c.match.rawReportId === undefined;
  const values = onlyParams(params, vendorShape ? ["reportId", "reportType"] : ["type"]);
  const id = reportId(vendorShape ? values.get("reportId") : c.match.rawReportId);
  const typeField = vendorShape ? "reportType" : "type";
  const type = values.get(typeField);
  if (type !== "Executive" && type !== "Technical") {
    throw invalidInput(typeField, `${typeField} must be Executive or Technical`);
  }

  const file = await c.upstream.call(c.ctx, (client) => client.downloadReport(id, type));
  return new Response(file.stream(), {
    headers: {
      "Content-Type": file.type || "application/pdf",
      "Content-Disposition": `attachment; filename="${safeFileName(file.name, id, type)}"`,
      "Content-Length": String(file.size),
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * A GET answered from the cache, else by one upstream call shared by every
 * identical request in flight. The cache lookup is inside the shared call, so
 * a request that arrives just after the call finished finds its cached answer.
 */
async function cachedGet<T>(
  c: RequestContext,
  name: string,
  query: string,
  ttlFor: (data: T) => number,
  task: (client: PciClient) => Promise<T>,
): Promise<Response> {
  const key = c.cache.key(name, query);
  const { value, joined } = await coalescer.run(`${name}?${query}`, c.ctx, async () => {
    const hit = await c.cache.get(key);
    if (hit !== undefined) return { body: hit, cached: true };
    const data = await c.upstream.call(c.ctx, task);
    const body = envelope(data);
    await c.cache.put(key, body, ttlFor(data));
    return { body, cached: false };
  });
  const state = value.cached ? "hit" : joined ? "shared" : "miss";
  return jsonResponse(value.body, 200, { "X-Proxy-Cache": state });
}

function safeFileName(name: string, id: number, type: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return cleaned.length > 0 ? cleaned : `pci-${type.toLowerCase()}-report-${id}.pdf`;
}

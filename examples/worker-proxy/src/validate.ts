import type { ComplianceSummaryQuery } from "qualys-pci";
import { invalidInput } from "./http";

const MAX_REPORT_ID = Number.MAX_SAFE_INTEGER;

/**
 * A report id as a positive integer. Anything else (`1%2F..`, `-1`, `1e3`,
 * `0x10`) stops here, so that nothing but digits can reach the API's path.
 */
export function reportId(raw: string | null | undefined): number {
  if (raw == null || !/^[1-9][0-9]{0,15}$/.test(raw) || Number(raw) > MAX_REPORT_ID) {
    throw invalidInput("reportId", `the report id must be a whole number from 1 to ${MAX_REPORT_ID}`);
  }
  return Number(raw);
}

// Lower-cased parameter name -> the SDK's name. The vendor spells `IP`, `DNS`
// and `ComplianceStatus` with capitals and the SDK sends them that way.
const SUMMARY_PARAMS: Record<string, keyof ComplianceSummaryQuery> = {
  sortby: "sortBy",
  sortorder: "sortOrder",
  offset: "offset",
  limit: "limit",
  ip: "ip",
  dns: "dns",
  compliancestatus: "complianceStatus",
};

/**
 * The summary query from the URL. Names are matched case-insensitively;
 * unknown or repeated names are refused. The SDK checks the values (enums,
 * addresses, hostnames, ranges) before it sends anything.
 */
export function summaryQuery(params: URLSearchParams): ComplianceSummaryQuery {
  const query: Record<string, string | number> = {};
  for (const [name, value] of params) {
    const key = SUMMARY_PARAMS[name.toLowerCase()];
    if (key === undefined) throw invalidInput(name, `unknown parameter ${name}`);
    if (key in query) throw invalidInput(key, `${key} is given more than once`);
    query[key] = key === "offset" || key === "limit" ? wholeNumber(key, value) : value;
  }
  // The SDK validates every value and refuses, with invalidInput, what the
  // vendor would not accept; this cast only shapes the record.
  return query as ComplianceSummaryQuery;
}

/** A stable text form of a summary query, for cache and coalescing keys. */
export function summaryKey(query: ComplianceSummaryQuery): string {
  const entries = Object.entries(query).sort(([a], [b]) => a.localeCompare(b));
  return new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString();
}

/** Refuses every query parameter on routes that take none. */
export function noParams(params: URLSearchParams): void {
  for (const name of params.keys()) {
    throw invalidInput(name, `this route takes no parameter, got ${name}`);
  }
}

/** The single value of a required parameter; repeated or unknown names are refused. */
export function onlyParams(params: URLSearchParams, names: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (!names.includes(name)) throw invalidInput(name, `unknown parameter ${name}`);
    if (values.has(name)) throw invalidInput(name, `${name} is given more than once`);
    values.set(name, value);
  }
  return values;
}

function wholeNumber(field: string, value: string): number {
  if (!/^[0-9]{1,9}$/.test(value)) throw invalidInput(field, `${field} must be a whole number`);
  return Number(value);
}

/** The Worker's bindings: `[vars]` from wrangler.toml and secrets. */
export interface Env {
  QUALYS_BASE_URL?: string;
  QUALYS_USERNAME?: string;
  QUALYS_PASSWORD?: string;
  QUALYS_BEARER_TOKEN?: string;
  PROXY_TOKEN?: string;
  ALLOWED_ORIGINS?: string;
  CACHE_TTL_SUMMARY_SEC?: string;
  CACHE_TTL_REPORT_DATA_SEC?: string;
  CACHE_TTL_STATUS_SEC?: string;
  STATUS_POLL_INTERVAL_SEC?: string;
  UPSTREAM_CONCURRENCY?: string;
  RATE_PROBE_AFTER_SEC?: string;
}

/** Upstream credentials: the two kinds the vendor accepts. */
export type Credentials =
  | { username: string; password: string }
  | { bearerToken: string };

/** Cache lifetimes in seconds, one per cached route; 0 turns caching off. */
export interface Ttls {
  summary: number;
  reportData: number;
  /** Statuses that only change on request: Generated, Attested, Rejected, Submitted. */
  settledStatus: number;
  /** Statuses that move by themselves; this is the upstream polling interval. */
  movingStatus: number;
}

export interface Config {
  baseUrl: string;
  credentials: Credentials;
  proxyToken: string;
  allowedOrigins: ReadonlySet<string>;
  ttls: Ttls;
  upstreamConcurrency: number;
  rateProbeAfterSec: number;
  /** Every secret value, so that messages and logs can be scrubbed of them. */
  secrets: readonly string[];
}

/** A setting that is missing or malformed; the message names the variable, never its value. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const MIN_PROXY_TOKEN_LENGTH = 16;

// The env object is the same for every request of an isolate, so the parsed
// config (and the client built from it) is made once per isolate.
const parsed = new WeakMap<Env, Config>();

/** The Worker's configuration, checked once per isolate. */
export function loadConfig(env: Env): Config {
  const known = parsed.get(env);
  if (known) return known;
  const config = parse(env);
  parsed.set(env, config);
  return config;
}

function parse(env: Env): Config {
  const proxyToken = required(env, "PROXY_TOKEN");
  if (proxyToken.length < MIN_PROXY_TOKEN_LENGTH) {
    throw new ConfigError(
      `PROXY_TOKEN is shorter than ${MIN_PROXY_TOKEN_LENGTH} characters: set a long random secret`,
    );
  }
  const credentials = readCredentials(env);
  const secrets = [proxyToken, ...Object.values(credentials), ...basicForm(credentials)];

  return {
    baseUrl: required(env, "QUALYS_BASE_URL"),
    credentials,
    proxyToken,
    allowedOrigins: new Set(
      (env.ALLOWED_ORIGINS ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    ),
    ttls: {
      summary: wholeNumber(env, "CACHE_TTL_SUMMARY_SEC", 300),
      reportData: wholeNumber(env, "CACHE_TTL_REPORT_DATA_SEC", 300),
      settledStatus: wholeNumber(env, "CACHE_TTL_STATUS_SEC", 60),
      movingStatus: wholeNumber(env, "STATUS_POLL_INTERVAL_SEC", 2),
    },
    upstreamConcurrency: Math.max(1, wholeNumber(env, "UPSTREAM_CONCURRENCY", 2)),
    rateProbeAfterSec: wholeNumber(env, "RATE_PROBE_AFTER_SEC", 60),
    secrets,
  };
}

function readCredentials(env: Env): Credentials {
  if (env.QUALYS_BEARER_TOKEN) return { bearerToken: env.QUALYS_BEARER_TOKEN };
  if (env.QUALYS_USERNAME && env.QUALYS_PASSWORD) {
    return { username: env.QUALYS_USERNAME, password: env.QUALYS_PASSWORD };
  }
  throw new ConfigError(
    "no API credentials: set the secrets QUALYS_USERNAME and QUALYS_PASSWORD, or QUALYS_BEARER_TOKEN",
  );
}

// Basic auth sends base64("user:password"); an echo of that header is as
// secret as the password itself.
function basicForm(credentials: Credentials): string[] {
  if (!("username" in credentials)) return [];
  const bytes = new TextEncoder().encode(`${credentials.username}:${credentials.password}`);
  return [btoa(String.fromCharCode(...bytes))];
}

function required(env: Env, name: "PROXY_TOKEN" | "QUALYS_BASE_URL"): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set`);
  return value;
}

function wholeNumber(env: Env, name: keyof Env, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a whole number of 0 or more`);
  }
  return value;
}

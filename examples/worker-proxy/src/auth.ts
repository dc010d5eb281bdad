import type { Config } from "./config";
import { ProxyError } from "./http";

const encoder = new TextEncoder();

/** Refuses, with 401, any caller that does not send `Authorization: Bearer <PROXY_TOKEN>`. */
export async function requireProxyToken(request: Request, config: Config): Promise<void> {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null || !(await sameSecret(match[1] ?? "", config.proxyToken))) {
    throw new ProxyError(
      401,
      "unauthorized",
      "the proxy refused the request: send Authorization: Bearer <PROXY_TOKEN>",
    );
  }
}

// Comparing digests keeps the time spent independent of where the strings
// differ and of their lengths, so the token cannot be guessed byte by byte.
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", encoder.encode(text));
}

// Shared set-up for the proxy's tests: an emulator and the Worker in front of
// it, both on free loopback ports, and small helpers to call them.
import { request as httpRequest } from "node:http";
import { startEmulator } from "../../scripts/emulator.mjs";
import { startProxy } from "../scripts/serve.mjs";

export const TOKEN = "test-proxy-token-0123456789";
export const ORIGIN = "http://dashboard.test";
// Distinctive, so that a leak is easy to find in a body or a log.
export const USERNAME = "merchant-user";
export const PASSWORD = "Pa55-w0rd-never-shown";

/**
 * An emulator started with `emulatorArgs` and the proxy in front of it with
 * extra `vars`. Call `close()` when done.
 */
export async function startStack({ emulatorArgs = [], vars = {}, upstreamUrl } = {}) {
  const emulator = await startEmulator(["--username", USERNAME, "--password", PASSWORD, ...emulatorArgs]);
  const logs = [];
  let proxy;
  try {
    proxy = await startProxy(
      {
        QUALYS_BASE_URL: upstreamUrl ?? emulator.url,
        QUALYS_USERNAME: USERNAME,
        QUALYS_PASSWORD: PASSWORD,
        PROXY_TOKEN: TOKEN,
        ALLOWED_ORIGINS: `${ORIGIN}, http://other-allowed.test`,
        ...vars,
      },
      { onLog: (text) => logs.push(text) },
    );
  } catch (error) {
    await emulator.stop();
    throw error;
  }

  return {
    emulator,
    proxy,
    logs,
    /** fetch() to the proxy with the proxy token unless `headers` say otherwise. */
    call(path, init = {}) {
      const headers = { Authorization: `Bearer ${TOKEN}`, ...init.headers };
      return fetch(proxy.url + path, { ...init, headers });
    },
    async close() {
      await proxy.dispose();
      await emulator.stop();
    },
  };
}

/** The upstream calls the emulator counted for paths that contain `fragment`. */
export function callsTo(stats, fragment) {
  return Object.entries(stats.byPath ?? {})
    .filter(([path]) => path.includes(fragment))
    .reduce((sum, [, count]) => sum + count, 0);
}

/**
 * A request whose path is sent byte for byte: fetch() would resolve `..` and
 * collapse nothing else, which is what the path-trick tests must get past.
 */
export function rawRequest(baseUrl, method, path, headers = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end();
  });
}

export async function json(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`expected JSON from ${response.url} (${response.status}), got: ${text.slice(0, 200)}`);
  }
}

// Builds the dashboard (when asked) and serves dist/ with Vite's preview server
// on a free loopback port. Imported by the tests and the demo.
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";

const HERE = fileURLToPath(new URL("..", import.meta.url));

export async function buildDashboard() {
  await build({ root: HERE, logLevel: "warn" });
}

/** Serves the built dashboard; resolves to `{url, origin, close}`. */
export async function serveDashboard({ port = 0 } = {}) {
  const server = await preview({
    root: HERE,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port, strictPort: port !== 0 },
  });
  const address = server.httpServer.address();
  const origin = `http://127.0.0.1:${address.port}`;
  return { origin, close: () => server.close() };
}

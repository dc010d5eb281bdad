// The demo's whole chain on loopback: emulator -> Worker proxy (workerd via
// Miniflare) -> dashboard (Vite's preview server). Used by `make demo`,
// `make demo-check` and the dashboard's browser tests, so that all three run
// the same stack. Needs both examples built (examples/scripts/prepare.sh).
import { randomBytes } from "node:crypto";
import { startProxy } from "../worker-proxy/scripts/serve.mjs";
import { serveDashboard } from "../dashboard/scripts/serve.mjs";
import { startEmulator } from "./emulator.mjs";

/**
 * Starts the three servers. `reportStepMs` is the emulator's time per report
 * status; `onProxyLog` receives the Worker's console output.
 */
export async function startStack({ reportStepMs = 1000, proxyVars = {}, onProxyLog } = {}) {
  const started = [];
  const stop = async () => {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
  };
  try {
    const emulator = await startEmulator(["--report-step-ms", String(reportStepMs)]);
    started.push({ stop: () => emulator.stop() });

    // The dashboard's origin is known only once it listens, and the proxy
    // must allow exactly that origin.
    const dashboard = await serveDashboard();
    started.push({ stop: () => dashboard.close() });

    // A fresh token per run: the demo never ships a guessable secret.
    const token = randomBytes(24).toString("base64url");
    const proxy = await startProxy(
      {
        QUALYS_BASE_URL: emulator.url,
        QUALYS_USERNAME: "demo",
        QUALYS_PASSWORD: "demo",
        PROXY_TOKEN: token,
        ALLOWED_ORIGINS: dashboard.origin,
        STATUS_POLL_INTERVAL_SEC: "1",
        ...proxyVars,
      },
      { onLog: onProxyLog },
    );
    started.push({ stop: () => proxy.dispose() });

    const openUrl = `${dashboard.origin}/#proxy=${encodeURIComponent(proxy.url)}&token=${token}`;
    return { emulator, proxy, dashboard, token, openUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

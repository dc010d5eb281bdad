// Runs the built Worker (dist/, from `npm run build`) in workerd through
// Miniflare on a free loopback port. Imported by the tests and the demo; run
// directly it serves until Ctrl-C:
//   QUALYS_BASE_URL=http://127.0.0.1:8790 PROXY_TOKEN=... node scripts/serve.mjs
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const DIST = `${HERE}dist/`;
const BUNDLE = `${DIST}index.js`;

// One source of truth for the compatibility date: wrangler.toml.
function compatibilityDate() {
  const toml = readFileSync(`${HERE}wrangler.toml`, "utf8");
  const match = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml);
  if (!match) throw new Error("wrangler.toml has no compatibility_date");
  return match[1];
}

/**
 * Starts the proxy with `vars` as its environment (QUALYS_BASE_URL,
 * PROXY_TOKEN, credentials, TTLs...). `onLog(text)` receives the Worker's
 * console output. Resolves to `{url, dispose}`.
 */
export async function startProxy(vars, { port = 0, onLog } = {}) {
  if (!existsSync(BUNDLE)) {
    throw new Error(`no Worker bundle at ${BUNDLE}: run \`npm run build\` in examples/worker-proxy`);
  }
  const mf = new Miniflare({
    host: "127.0.0.1",
    port,
    modules: true,
    scriptPath: BUNDLE,
    // Module names are relative to this, whatever the caller's cwd.
    modulesRoot: DIST,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: compatibilityDate(),
    bindings: vars,
    // The Worker's console output; tests read it to prove no secret is logged.
    ...(onLog && {
      handleRuntimeStdio(stdout, stderr) {
        stdout.on("data", (chunk) => onLog(chunk.toString()));
        stderr.on("data", (chunk) => onLog(chunk.toString()));
      },
    }),
  });
  let url;
  try {
    url = (await mf.ready).toString().replace(/\/$/, "");
  } catch (error) {
    // A runtime that failed to start still has a workerd process to end.
    await mf.dispose().catch(() => undefined);
    throw error;
  }
  return { url, dispose: () => mf.dispose() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = [
    "QUALYS_BASE_URL",
    "QUALYS_USERNAME",
    "QUALYS_PASSWORD",
    "QUALYS_BEARER_TOKEN",
    "PROXY_TOKEN",
    "ALLOWED_ORIGINS",
    "CACHE_TTL_SUMMARY_SEC",
    "CACHE_TTL_REPORT_DATA_SEC",
    "CACHE_TTL_STATUS_SEC",
    "STATUS_POLL_INTERVAL_SEC",
    "UPSTREAM_CONCURRENCY",
    "RATE_PROBE_AFTER_SEC",
  ];
  const vars = Object.fromEntries(names.filter((n) => process.env[n] !== undefined).map((n) => [n, process.env[n]]));
  const proxy = await startProxy(vars, { port: Number(process.env.PORT ?? 0) });
  console.log(`listening on ${proxy.url}`);
  const stop = async () => {
    await proxy.dispose();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

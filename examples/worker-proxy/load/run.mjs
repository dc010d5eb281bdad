// A bounded load test of the Worker proxy: 5,000 requests at 32 concurrent,
// mixing every route, through workerd (Miniflare) to the API emulator, all
// on loopback. It prints errors, latency percentiles and the memory of each
// process before and after, writes the same as JSON, and exits non-zero on
// any error. Run by `make bench-proxy-load`; needs the Worker built
// (`npm run build`) and the emulator binary (`cargo build -p qualys-pci-emulator`).
//
//   node examples/worker-proxy/load/run.mjs [--requests N] [--concurrency N] [--json PATH]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "../../scripts/emulator.mjs";
import { startProxy } from "../scripts/serve.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "32" },
    json: { type: "string", default: `${ROOT}target/bench/proxy-load.json` },
  },
});
const TOTAL = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
// The whole run stops by itself even if something hangs.
const DEADLINE_MS = 5 * 60_000;
const TOKEN = "load-test-proxy-token-0123456789";
const REPORTS = 8;

/** Resident memory of a process in MiB, from /proc (Linux). */
function rssMiB(pid) {
  try {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib === undefined ? undefined : Math.round(Number(kib) / 102.4) / 10;
  } catch {
    return undefined;
  }
}

/** The workerd process Miniflare started for us: our child named workerd. */
function workerdPid() {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = /\(([^)]*)\)/.exec(stat)?.[1] ?? "";
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && comm.startsWith("workerd")) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}

function memory(pids) {
  return {
    workerdMiB: rssMiB(pids.workerd),
    emulatorMiB: rssMiB(pids.emulator),
    loadNodeMiB: Math.round(process.memoryUsage().rss / 104857.6) / 10,
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, at)] * 10) / 10;
}

/**
 * The mix, weighted towards what a dashboard does most: summary pages (with
 * enough distinct queries that many miss the cache), report data, status
 * polls, downloads, submissions and reviews. Each request names the statuses
 * it may answer; a review of a report already sent for review is a 409.
 */
function mix(reportIds) {
  const pick = (list, i) => list[i % list.length];
  return [
    [40, (i) => ({ route: "summary", path: `/api/compliance-summary?limit=${1 + (i % 50)}&offset=${1 + (i % 7) * 100}` })],
    [10, () => ({ route: "report-data", path: "/api/report-data" })],
    [20, (i) => ({ route: "status", path: `/api/reports/${pick(reportIds, i)}/status` })],
    [10, (i) => ({ route: "download", path: `/api/reports/${pick(reportIds, i)}/download?type=${i % 2 ? "Executive" : "Technical"}` })],
    [10, (i) => ({
      route: "submit",
      path: "/api/reports",
      init: { method: "POST", body: JSON.stringify({ yourName: `Load ${i}`, yourTitle: "Tester" }) },
    })],
    [10, (i) => ({ route: "review", path: `/api/reports/${pick(reportIds, i)}/review`, init: { method: "PUT" }, also: [409] })],
  ];
}

function requestFor(i, routes) {
  const weight = routes.reduce((sum, [w]) => sum + w, 0);
  let slot = (i * 37) % weight;
  for (const [w, make] of routes) {
    if (slot < w) return make(i);
    slot -= w;
  }
  return routes[0][1](i);
}

async function main() {
  const emulator = await startEmulator(["--report-step-ms", "1"]);
  const proxy = await startProxy({
    QUALYS_BASE_URL: emulator.url,
    QUALYS_USERNAME: "demo",
    QUALYS_PASSWORD: "demo",
    PROXY_TOKEN: TOKEN,
    ALLOWED_ORIGINS: "http://dashboard.test",
  }, { onLog: () => {} });
  const timer = setTimeout(() => {
    console.error(`proxy load: not done within ${DEADLINE_MS / 1000} s; stopping`);
    process.exit(2);
  }, DEADLINE_MS);
  const call = (path, init = {}) =>
    fetch(proxy.url + path, {
      ...init,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      signal: AbortSignal.timeout(30_000),
    });

  try {
    // Reports to poll, download and review, generated before the clock starts.
    const reportIds = [];
    for (let i = 0; i < REPORTS; i++) {
      const response = await call("/api/reports", { method: "POST", body: JSON.stringify({ yourName: "Ada", yourTitle: "Ms." }) });
      reportIds.push((await response.json()).data.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const pids = { workerd: workerdPid(), emulator: emulator.child.pid };
    const before = memory(pids);
    const upstreamBefore = (await emulator.stats()).requests;

    const routes = mix(reportIds);
    const samples = [];
    const errors = [];
    let next = 0;
    const started = performance.now();
    async function worker() {
      while (next < TOTAL) {
        const i = next++;
        const { route, path, init, also = [] } = requestFor(i, routes);
        const t0 = performance.now();
        try {
          const response = await call(path, init);
          await response.arrayBuffer();
          const ms = performance.now() - t0;
          samples.push({ route, ms });
          if (!response.ok && !also.includes(response.status)) errors.push(`${route} ${path}: ${response.status}`);
        } catch (error) {
          errors.push(`${route} ${path}: ${error.message}`);
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const after = memory(pids);
    const upstream = (await emulator.stats()).requests - upstreamBefore;

    const all = samples.map((s) => s.ms).sort((a, b) => a - b);
    const byRoute = {};
    for (const { route } of routes.map(([, make], k) => make(k))) {
      const times = samples.filter((s) => s.route === route).map((s) => s.ms).sort((a, b) => a - b);
      byRoute[route] = { requests: times.length, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
    }
    const result = {
      requests: TOTAL,
      concurrency: CONCURRENCY,
      errors: errors.length,
      seconds: Math.round(seconds * 10) / 10,
      requestsPerSecond: Math.round(TOTAL / seconds),
      p50Ms: percentile(all, 50),
      p99Ms: percentile(all, 99),
      upstreamCalls: upstream,
      memoryBefore: before,
      memoryAfter: after,
      byRoute,
    };

    console.log(`proxy load: ${TOTAL} requests at ${CONCURRENCY} concurrent in ${result.seconds} s (${result.requestsPerSecond}/s)`);
    console.log(`  errors ${result.errors}, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, upstream calls ${upstream}`);
    for (const [route, r] of Object.entries(byRoute)) {
      console.log(`  ${route.padEnd(12)} ${String(r.requests).padStart(5)} requests  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms`);
    }
    console.log(`  memory (RSS MiB) before -> after: workerd ${before.workerdMiB} -> ${after.workerdMiB}, emulator ${before.emulatorMiB} -> ${after.emulatorMiB}, this script ${before.loadNodeMiB} -> ${after.loadNodeMiB}`);
    for (const error of errors.slice(0, 10)) console.log(`  error: ${error}`);
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
    return errors.length === 0 ? 0 : 1;
  } finally {
    clearTimeout(timer);
    await proxy.dispose();
    await emulator.stop();
  }
}

process.exitCode = await main();

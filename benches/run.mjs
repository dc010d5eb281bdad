// Runs the benchmarks of issue 6 and prints what the SDK costs next to the
// plain fetch client in benches/baseline/.
//
//   node benches/run.mjs [--smoke] [--only name,name] [--out FILE] [--strict]
//
// Each row runs in its own Node process (with --expose-gc), so that one row's
// heap, JIT state and wasm memory never colour another's. The results go to
// stdout as a table and to target/bench.json (target/bench-smoke.json with
// --smoke, which runs every row once on tiny inputs to prove the script works).
// A missed goal is printed as missed; the exit status is non-zero only when a
// row could not run, or with --strict when a goal was missed.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/setup.mjs";

const ROWS = [
  { name: "size_gzip_kib", module: "./rows/size.mjs", timeoutMs: 30_000 },
  { name: "decode_page_1000", module: "./rows/decode.mjs", timeoutMs: 60_000 },
  { name: "decode_report_data_3mb", module: "./rows/decode.mjs", timeoutMs: 60_000 },
  { name: "cold_start", module: "./rows/cold-start.mjs", timeoutMs: 75_000 },
  { name: "walk_100k", module: "./rows/walk.mjs", timeoutMs: 160_000, warmup: 1 },
  { name: "download_50mb", module: "./rows/download.mjs", timeoutMs: 90_000 },
  { name: "worker_proxy_overhead", module: "./rows/worker-proxy.mjs", timeoutMs: 60_000 },
];

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
    strict: { type: "boolean", default: false },
    row: { type: "string" },
  },
});

const SAMPLES = args.smoke ? 3 : 15;
const WARMUP = args.smoke ? 1 : 2;
const MARK = "bench-row-result ";

if (args.row) {
  await runRow(args.row);
} else {
  process.exitCode = await main();
}

/** In a child process: one row, its result printed as one marked line. */
async function runRow(name) {
  // Ending on a timeout must still stop the emulators this process started.
  process.once("SIGTERM", () => process.exit(143));
  const spec = ROWS.find((r) => r.name === name);
  const { run } = await import(spec.module);
  const result = await run(name, { smoke: args.smoke, samples: SAMPLES, warmup: spec.warmup ?? WARMUP });
  console.log(MARK + JSON.stringify(result));
  // Miniflare and the emulators are gone; anything left is a stray handle.
  process.exit(0);
}

async function main() {
  const only = args.only?.split(",");
  const unknown = only?.filter((n) => !ROWS.some((r) => r.name === n)) ?? [];
  if (unknown.length) {
    console.error(`bench: unknown row(s) ${unknown.join(", ")}; rows are ${ROWS.map((r) => r.name).join(", ")}`);
    return 2;
  }
  const started = Date.now();
  const header = describeRun();
  console.log(`bench: ${header.date} on ${header.machine.cpu} (${header.machine.cores} cores, load ${header.machine.loadAverage}), node ${header.machine.node}, ${header.commit}`);
  console.log(`bench: ${args.smoke ? "smoke run (tiny inputs)" : "full run"}, median of ${SAMPLES} samples after ${WARMUP} warm-up round(s)`);

  const rows = [];
  for (const spec of ROWS.filter((r) => !only || only.includes(r.name))) {
    const begun = Date.now();
    const row = runInChild(spec);
    row.seconds = Math.round((Date.now() - begun) / 100) / 10;
    console.log(`bench: ${spec.name} ${row.error ? "FAILED" : "done"} in ${row.seconds} s`);
    rows.push(row);
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${table(rows)}\n`);
  const failed = rows.filter((r) => r.error);
  const missed = rows.filter((r) => r.meets === false);
  if (args.smoke) console.log("bench: smoke run on tiny inputs: it proves the script works; its goals mean nothing");
  console.log(`bench: ${rows.length} rows in ${seconds} s; goals met ${rows.filter((r) => r.meets === true).length}, missed ${missed.length}${missed.length ? ` (${missed.map((r) => r.name).join(", ")})` : ""}, failed to run ${failed.length}`);

  const out = args.out ?? `${ROOT}target/${args.smoke ? "bench-smoke" : "bench"}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...header, smoke: args.smoke, samples: SAMPLES, warmup: WARMUP, seconds, rows }, null, 2)}\n`);
  console.log(`bench: wrote ${out}`);
  return failed.length ? 1 : args.strict && missed.length ? 3 : 0;
}

function runInChild(spec) {
  const argv = ["--expose-gc", fileURLToPath(import.meta.url), "--row", spec.name, ...(args.smoke ? ["--smoke"] : [])];
  const child = spawnSync(process.execPath, argv, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: spec.timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout?.split("\n").find((l) => l.startsWith(MARK));
  if (line) return flatten(JSON.parse(line.slice(MARK.length)));
  const why = child.error?.code === "ETIMEDOUT" ? `timed out after ${spec.timeoutMs / 1000} s` : `exited with ${child.status ?? child.signal}`;
  process.stderr.write(child.stdout ?? "");
  return { name: spec.name, sdk: null, baseline: null, ratio: null, goal: "", unit: "", meets: null, error: why };
}

/** Summaries become their median; their ranges and sample counts move aside. */
function flatten(result) {
  const row = { ...result, range: {} };
  for (const key of ["sdk", "baseline", "ratio", "sdkOverFloor", "referenceMs"]) {
    const value = result[key];
    if (value && typeof value === "object") {
      row[key] = value.median;
      row.range[key] = [value.min, value.max];
      row.samples = value.n;
    }
  }
  return row;
}

function describeRun() {
  const cpus = os.cpus();
  let commit = "unknown commit";
  try {
    commit = execFileSync("git", ["-C", ROOT, "describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
  } catch {
    // Not a git checkout: the results still stand.
  }
  return {
    date: new Date().toISOString(),
    commit,
    machine: {
      cpu: cpus[0]?.model.trim() ?? "unknown CPU",
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(" "),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
    },
  };
}

function number(value, unit) {
  if (value === null || value === undefined) return "-";
  const digits = unit === "KiB" || Math.abs(value) >= 100 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function table(rows) {
  const lines = [["name", "sdk", "baseline", "ratio [min-max]", "goal", "meets", "n"]];
  for (const r of rows) {
    const [lo, hi] = r.range?.ratio ?? [];
    const ratio = r.ratio === null ? "-" : `${r.ratio.toFixed(2)}${lo === undefined ? "" : ` [${lo.toFixed(2)}-${hi.toFixed(2)}]`}`;
    const meets = r.error ? `ERROR: ${r.error}` : r.meets === null ? "report" : r.meets ? "yes" : "MISSED";
    lines.push([r.name, number(r.sdk, r.unit), number(r.baseline, r.unit), ratio, r.goal, meets, String(r.samples ?? "")]);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const render = (l) => l.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  const body = [render(lines[0]), widths.map((w) => "-".repeat(w)).join("  "), ...lines.slice(1).map(render)];
  const notes = rows.filter((r) => r.detail || r.ratioOf).map((r) => `  ${r.name}: ${[r.ratioOf && `ratio = ${r.ratioOf}`, r.detail].filter(Boolean).join("; ")}`);
  return [...body, "", ...notes].join("\n");
}

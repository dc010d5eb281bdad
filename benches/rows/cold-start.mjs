// cold_start: a fresh Node process per sample that imports the client and
// makes its first call, the SDK and the baseline in turns.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pairedRatio, summarize } from "../lib/stats.mjs";

const CHILD = fileURLToPath(new URL("./cold-start-child.mjs", import.meta.url));

function once(which) {
  const out = execFileSync(process.execPath, [CHILD, which], { encoding: "utf8", timeout: 30_000 });
  return JSON.parse(out.trim().split("\n").pop());
}

export async function run(name, { samples, warmup }) {
  for (let i = 0; i < warmup; i++) {
    once("sdk");
    once("baseline");
  }
  const runs = { sdk: [], baseline: [] };
  const started = Date.now();
  for (let i = 0; i < samples && Date.now() - started < 45_000; i++) {
    for (const which of i % 2 ? ["baseline", "sdk"] : ["sdk", "baseline"]) runs[which].push(once(which));
  }
  const total = (which) => runs[which].map((r) => r.sinceStart);
  const own = (which) => summarize(runs[which].map((r) => r.importAndCall)).median;
  const ratio = pairedRatio(total("sdk"), total("baseline"));
  return {
    name,
    sdk: summarize(total("sdk")),
    baseline: summarize(total("baseline")),
    ratio,
    goal: "ratio ≤ 1.2",
    unit: "ms",
    meets: ratio.median <= 1.2,
    detail: `from process start; import + first call alone: sdk ${own("sdk").toFixed(1)} ms, baseline ${own("baseline").toFixed(1)} ms`,
  };
}

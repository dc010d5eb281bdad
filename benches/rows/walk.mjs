// walk_100k: every asset from the emulator, the SDK's complianceSummaryAll
// with two requests in flight against the baseline's page-by-page loop, and
// the SDK against the floor that two requests in flight allow. A plain fetch
// walk with two requests in flight runs alongside as a reference: how close
// to the floor any client gets on this machine and with this emulator.

import { BaselineClient } from "../baseline/client.mjs";
import { emulator } from "../lib/emulator.mjs";
import { CREDENTIALS, loadSdk } from "../lib/setup.mjs";
import { compare, pairedRatio, summarize } from "../lib/stats.mjs";

const PAGE = 1000;

/** Every row through `client.complianceSummary`, `inFlight` pages at a time after the first. */
async function walkInParallel(client, inFlight) {
  const first = await client.complianceSummary({ offset: 1, limit: PAGE });
  const offsets = [];
  for (let next = 1 + PAGE; next <= first.totalCount; next += PAGE) offsets.push(next);
  const pages = new Array(offsets.length);
  let taken = 0;
  const worker = async () => {
    while (taken < offsets.length) {
      const i = taken++;
      pages[i] = await client.complianceSummary({ offset: offsets[i], limit: PAGE });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return [first, ...pages].flatMap((p) => p.complianceSummaryList);
}

export async function run(name, { smoke, samples, warmup }) {
  const assets = smoke ? 5000 : 100_000;
  const latencyMs = smoke ? 5 : 20;
  const server = await emulator(["--assets", String(assets), "--latency-ms", String(latencyMs)], { smoke });
  try {
    const { PciClient } = await loadSdk();
    const sdk = new PciClient({ baseUrl: server.url, ...CREDENTIALS });
    const baseline = new BaselineClient({ baseUrl: server.url, ...CREDENTIALS });
    const check = (who) => (rows) => {
      if (rows.length !== assets) throw new Error(`${who} walked ${rows.length} of ${assets} assets`);
    };
    const contenders = {
      sdk: () => sdk.complianceSummaryAll({}, { concurrency: 2 }).then(check("sdk")),
      baseline: () => baseline.complianceSummaryAll({}).then(check("baseline")),
      reference: () => walkInParallel(baseline, 2).then(check("reference")),
    };

    const times = await compare(contenders, { warmup, samples, budgetMs: 125_000 });
    const floorMs = ((assets / PAGE) / 2) * latencyMs;
    const speedUp = pairedRatio(times.baseline, times.sdk);
    const overFloor = summarize(times.sdk.map((t) => t / floorMs));
    const reference = summarize(times.reference);
    return {
      name,
      sdk: summarize(times.sdk),
      baseline: summarize(times.baseline),
      ratio: speedUp,
      ratioOf: "baseline / sdk (speed-up)",
      goal: "speed-up ≥ 1.8; sdk ≤ 1.15 × floor",
      unit: "ms",
      meets: speedUp.median >= 1.8 && overFloor.median <= 1.15,
      floorMs,
      sdkOverFloor: overFloor,
      referenceMs: reference,
      detail:
        `${assets} assets, ${assets / PAGE} pages, ${latencyMs} ms latency; floor ${floorMs} ms; sdk/floor ${overFloor.median.toFixed(2)}; ` +
        `plain fetch with 2 in flight ${reference.median.toFixed(0)} ms (${(reference.median / floorMs).toFixed(2)} x floor)`,
    };
  } finally {
    await server.stop();
  }
}

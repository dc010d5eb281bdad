// decode_page_1000 and decode_report_data_3mb: one call with fetch answered
// from memory, so that only what each client does with the body is timed.

import { isDeepStrictEqual } from "node:util";
import { BaselineClient } from "../baseline/client.mjs";
import { summaryPage, reportData } from "../lib/fixtures.mjs";
import { answerFromMemory, CREDENTIALS, loadSdk } from "../lib/setup.mjs";
import { compare, pairedRatio, summarize } from "../lib/stats.mjs";

// The server is never reached; any loopback URL passes the SDK's checks.
const BASE_URL = "http://127.0.0.1:9";

/** The operations of each row, and the body fetch answers with. */
const CASES = {
  decode_page_1000: {
    body: ({ smoke }) => summaryPage({ rows: smoke ? 50 : 1000 }),
    call: (client) => client.complianceSummary({ limit: 1000 }),
    // A 1,000-row page takes a few ms; several calls per sample keep timer
    // and scheduling noise small.
    callsPerSample: 10,
  },
  decode_report_data_3mb: {
    body: ({ smoke }) => reportData(smoke ? { notes: 20, assets: 20 } : { notes: 5000, assets: 5000 }),
    call: (client) => client.fetchReportData(),
    callsPerSample: 1,
  },
};

export async function run(name, { smoke, samples, warmup }) {
  const spec = CASES[name];
  const body = spec.body({ smoke });
  answerFromMemory(body);
  const { PciClient } = await loadSdk();
  const sdk = new PciClient({ baseUrl: BASE_URL, ...CREDENTIALS });
  const baseline = new BaselineClient({ baseUrl: BASE_URL, ...CREDENTIALS });

  // Both must hand the caller the same object, or the race is unfair.
  const [a, b] = [await spec.call(sdk), await spec.call(baseline)];
  if (!isDeepStrictEqual(a, b)) throw new Error(`${name}: the SDK and the baseline decoded different objects`);

  const repeat = (client) => async () => {
    for (let i = 0; i < spec.callsPerSample; i++) await spec.call(client);
  };
  const times = await compare({ sdk: repeat(sdk), baseline: repeat(baseline) }, { warmup, samples, budgetMs: 30_000 });
  const perCall = (list) => list.map((t) => t / spec.callsPerSample);
  const ratio = pairedRatio(times.sdk, times.baseline);
  return {
    name,
    sdk: summarize(perCall(times.sdk)),
    baseline: summarize(perCall(times.baseline)),
    ratio,
    goal: "ratio ≤ 2.0",
    unit: "ms",
    meets: ratio.median <= 2.0,
    detail: `${(body.length / 1000).toFixed(0)} kB body, ${spec.callsPerSample} call(s) per sample`,
  };
}

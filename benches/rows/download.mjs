// download_50mb: the SDK's downloadReport against fetch().blob() for a large
// report, and how much the wasm linear memory grows while the SDK downloads
// (the bytes should never enter it).

import { BaselineClient } from "../baseline/client.mjs";
import { emulator } from "../lib/emulator.mjs";
import { CREDENTIALS, loadSdk } from "../lib/setup.mjs";
import { compare, pairedRatio, summarize } from "../lib/stats.mjs";

const MIB = 1024 * 1024;

/** A report the emulator has generated, ready to download. */
async function generatedReport(baseline) {
  const { id } = await baseline.submitReport({ yourName: "Bench Runner", yourTitle: "Performance engineer" });
  for (let i = 0; i < 50; i++) {
    if ((await baseline.reportStatus(id)).status === "Generated") return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`report ${id} was not generated within 5 s`);
}

export async function run(name, { smoke, samples, warmup }) {
  const size = smoke ? 1_000_000 : 50_000_000;
  const server = await emulator(["--report-size-bytes", String(size), "--report-step-ms", "0"], { smoke });
  try {
    const { PciClient, memory } = await loadSdk();
    const sdk = new PciClient({ baseUrl: server.url, ...CREDENTIALS });
    const baseline = new BaselineClient({ baseUrl: server.url, ...CREDENTIALS });
    const id = await generatedReport(baseline);

    const expectSize = (who) => (blob) => {
      if (blob.size !== size) throw new Error(`${who} downloaded ${blob.size} bytes, expected ${size}`);
    };
    // A first JSON call sizes the wasm heap as any use of the client would.
    await sdk.reportStatus(id);
    const before = memory.buffer.byteLength;
    const times = await compare(
      {
        sdk: () => sdk.downloadReport(id, "Executive").then(expectSize("sdk")),
        baseline: () => baseline.downloadReport(id, "Executive").then(expectSize("baseline")),
      },
      { warmup, samples, budgetMs: 60_000 },
    );
    const growth = memory.buffer.byteLength - before;

    // Reading the stream for onProgress is the other download path; it must
    // keep the bytes out of wasm as well. Not part of the goal, so few runs.
    const progressBefore = memory.buffer.byteLength;
    for (let i = 0; i < 2; i++) await sdk.downloadReport(id, "Executive", { onProgress() {} }).then(expectSize("sdk+onProgress"));
    const progressGrowth = memory.buffer.byteLength - progressBefore;

    const ratio = pairedRatio(times.sdk, times.baseline);
    return {
      name,
      sdk: summarize(times.sdk),
      baseline: summarize(times.baseline),
      ratio,
      goal: "ratio ≤ 1.1; wasm memory growth ≤ 1 MiB",
      unit: "ms",
      meets: ratio.median <= 1.1 && growth <= MIB,
      wasmMemoryGrowthBytes: growth,
      wasmMemoryGrowthWithProgressBytes: progressGrowth,
      detail: `${(size / 1e6).toFixed(0)} MB; wasm memory growth ${growth} B (with onProgress ${progressGrowth} B), heap ${(before / MIB).toFixed(2)} MiB`,
    };
  } finally {
    await server.stop();
  }
}

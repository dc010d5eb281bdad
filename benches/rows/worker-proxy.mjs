// worker_proxy_overhead: the example Worker in workerd (through Miniflare)
// in front of the emulator, against the SDK calling the emulator directly.
// Report only. The proxy's cache is off, so every request goes upstream.

import { startProxy } from "../../examples/worker-proxy/scripts/serve.mjs";
import { emulator } from "../lib/emulator.mjs";
import { CREDENTIALS, loadSdk } from "../lib/setup.mjs";
import { compare, pairedRatio, summarize } from "../lib/stats.mjs";

const TOKEN = "bench-proxy-token-0123456789abcdef";

export async function run(name, { smoke, samples, warmup }) {
  const server = await emulator(smoke ? ["--assets", "200"] : [], { smoke });
  let proxy;
  try {
    proxy = await startProxy({
      QUALYS_BASE_URL: server.url,
      QUALYS_USERNAME: CREDENTIALS.username,
      QUALYS_PASSWORD: CREDENTIALS.password,
      PROXY_TOKEN: TOKEN,
      ALLOWED_ORIGINS: "http://bench.test",
      CACHE_TTL_SUMMARY_SEC: "0",
    });
    const { PciClient } = await loadSdk();
    const sdk = new PciClient({ baseUrl: server.url, ...CREDENTIALS });
    const viaProxy = async () => {
      const res = await fetch(`${proxy.url}/api/compliance-summary`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      if (!res.ok) throw new Error(`the proxy answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      return (await res.json()).data;
    };
    const rows = (await viaProxy()).complianceSummaryList.length;

    const times = await compare({ sdk: viaProxy, baseline: () => sdk.complianceSummary() }, { warmup, samples, budgetMs: 30_000 });
    return {
      name,
      sdk: summarize(times.sdk),
      baseline: summarize(times.baseline),
      ratio: pairedRatio(times.sdk, times.baseline),
      ratioOf: "through the proxy / direct SDK call",
      goal: "report only",
      unit: "ms",
      meets: null,
      detail: `sdk column: through the Worker; baseline column: the SDK direct; ${rows} rows per call`,
    };
  } finally {
    await proxy?.dispose();
    await server.stop();
  }
}

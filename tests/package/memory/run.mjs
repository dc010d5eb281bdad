// Memory: one client in a long-lived Node process makes thousands of calls
// through every outcome against the emulator, and what the module holds
// afterwards is compared with what it held after a warm-up. A leak per call
// would be what kills a Worker isolate or a dashboard tab after hours.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConsumer } from '../lib/consumer.mjs';
import { check, consumerEnv, emulatorUrl, expect, submitReportDirectly } from '../lib/check.mjs';

const ROUNDS = 1000;
// The JS heap moves by a few hundred KiB between two collections even when
// nothing leaks; a leak of 1 KiB per call would show as several MiB here.
const HEAP_SLACK_BYTES = 2 * 2 ** 20;
// A wasm page: dlmalloc may take one more for fragmentation, never one per call.
const WASM_SLACK_BYTES = 64 * 2 ** 10;

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

await check('memory', async (track) => {
  const dir = track(createConsumer('memory'));
  copyFileSync(new URL('./soak.mjs', import.meta.url), join(dir, 'soak.mjs'));
  const reportId = await submitReportDirectly();
  const generated = await fetch(new URL(`/__emulator/reports/${reportId}/generate`, emulatorUrl()), { method: 'POST' });
  expect(generated.ok, `the emulator would not generate report ${reportId}: ${generated.status}`);

  const output = execFileSync(process.execPath, ['--expose-gc', 'soak.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: consumerEnv({ QUALYS_REPORT_ID: String(reportId), SOAK_ROUNDS: String(ROUNDS) }),
  });
  const { calls, outcomes, before, after } = JSON.parse(output.trim().split('\n').at(-1));

  // Every path ran, as often as the script meant it to.
  const expected = {
    ok: 2 * ROUNDS + ROUNDS / 10,
    notFound: ROUNDS,
    invalidInput: ROUNDS,
    aborted: ROUNDS,
    unauthorized: ROUNDS / 10,
    server: ROUNDS / 10,
    timeout: ROUNDS / 10,
  };
  for (const [kind, count] of Object.entries(expected)) {
    const seen = outcomes[kind] ?? 0;
    // The warm-up ran a fifth as many rounds on top.
    expect(seen === count * 1.2, `expected ${count * 1.2} calls ending as ${kind}, saw ${seen}: ${output}`);
  }

  const wasmGrowth = after.wasmBytes - before.wasmBytes;
  const slotGrowth = after.externrefSlots - before.externrefSlots;
  const heapGrowth = after.heapUsedBytes - before.heapUsedBytes;
  expect(wasmGrowth <= WASM_SLACK_BYTES, `wasm memory grew by ${wasmGrowth} B over ${calls} calls: ${output}`);
  expect(slotGrowth === 0, `the externref table grew by ${slotGrowth} slots over ${calls} calls: ${output}`);
  expect(heapGrowth <= HEAP_SLACK_BYTES, `the JS heap grew by ${mib(heapGrowth)} over ${calls} calls: ${output}`);
  return (
    `${calls} calls; wasm ${mib(before.wasmBytes)} → ${mib(after.wasmBytes)}, ` +
    `externref slots ${before.externrefSlots} → ${after.externrefSlots}, ` +
    `JS heap ${mib(before.heapUsedBytes)} → ${mib(after.heapUsedBytes)}`
  );
});

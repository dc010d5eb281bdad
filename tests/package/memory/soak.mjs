// The body of the memory check, run by run.mjs in a consumer project with
// `node --expose-gc`: one client, thousands of calls through every outcome
// (success, HTTP errors, invalid input, abort, timeout, download), and the
// memory it holds before and after, printed as one JSON line.
//
// A Worker isolate or a dashboard tab lives for hours on one module instance,
// so anything a call leaves behind (wasm heap, externref table slots, JS
// closures) adds up until the isolate is killed.
import { setTimeout as delay } from 'node:timers/promises';
import { PciClient, initSync } from 'qualys-pci';

const baseUrl = process.env.QUALYS_BASE_URL;
const reportId = Number(process.env.QUALYS_REPORT_ID);
const rounds = Number(process.env.SOAK_ROUNDS);
const credentials = { username: process.env.QUALYS_USERNAME, password: process.env.QUALYS_PASSWORD };
// initSync() on an initialised module returns the instance the entry made.
const wasm = initSync();

const client = new PciClient({ baseUrl, ...credentials, maxRetries: 0 });
const wrongPassword = new PciClient({ baseUrl, username: credentials.username, password: 'wrong' });
const stopped = AbortSignal.abort();
const outcomes = new Map();

async function faultNext(fault) {
  const response = await fetch(new URL('/__emulator/faults', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ count: 1, path: `/pci/reporting/${reportId}/status`, ...fault }),
  });
  if (!response.ok) throw new Error(`the emulator refused fault ${fault.fault}: ${response.status}`);
}

/** Runs one call and counts how it ended, by result or error kind. */
async function tally(call) {
  let outcome;
  try {
    await call();
    outcome = 'ok';
  } catch (error) {
    if (error?.name !== 'PciError') throw error;
    outcome = error.kind;
  }
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

async function round(n) {
  await tally(() => client.complianceSummary({ limit: 50, sortBy: 'dns', sortOrder: 'DESC' }));
  await tally(() => client.reportStatus(reportId));
  await tally(() => client.reportStatus(9_007_199_254_740_991));
  await tally(() => client.complianceSummary({ limit: 0 }));
  await tally(() => client.reportStatus(reportId, { signal: stopped }));
  if (n % 10 === 0) {
    await tally(() => wrongPassword.reportStatus(reportId));
    await faultNext({ fault: 'status', status: 503 });
    await tally(() => client.reportStatus(reportId));
    await faultNext({ fault: 'delay', delayMs: 200 });
    await tally(() => client.reportStatus(reportId, { timeoutMs: 20 }));
    await tally(async () => {
      const pdf = await client.downloadReport(reportId, n % 20 === 0 ? 'Executive' : 'Technical');
      await pdf.arrayBuffer();
    });
  }
}

/**
 * What the process holds once garbage is collected. FinalizationRegistry
 * callbacks (wasm-bindgen's and undici's) run only between macrotasks, so the
 * loop yields to the event loop between collections.
 */
async function settle() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await delay(40);
  }
  return {
    wasmBytes: wasm.memory.buffer.byteLength,
    externrefSlots: wasm.__wbindgen_externrefs.length,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
// Warm-up: the allocator, the JIT and the externref table reach their
// working size here, so growth measured after it is what calls leave behind.
for (let n = 1; n <= Math.ceil(rounds / 5); n++) await round(n);
const callsSoFar = () => [...outcomes.values()].reduce((sum, count) => sum + count, 0);
const warmUpCalls = callsSoFar();
const before = await settle();
for (let n = 1; n <= rounds; n++) await round(n);
const calls = callsSoFar() - warmUpCalls;
const after = await settle();
console.log(JSON.stringify({ rounds, calls, outcomes: Object.fromEntries(outcomes), before, after }));

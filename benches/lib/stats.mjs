// Sampling: warm-up runs, then timed samples of two contenders taken in
// turns, so that a noisy neighbour on the shared machine slows both alike.

import { performance } from "node:perf_hooks";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `{median, min, max, n}` of `values`. */
export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

const collectGarbage = globalThis.gc ?? (() => {});

/** Milliseconds one call of `fn` takes, after a full GC so that the previous run's garbage is not billed to it. */
export async function timeOnce(fn) {
  collectGarbage();
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Times `contenders` ({label: async fn}) in turns: `warmup` untimed rounds,
 * then up to `samples` timed rounds, stopping early once `budgetMs` is spent
 * (the result says how many rounds ran). Each round runs the contenders in
 * alternating order.
 */
export async function compare(contenders, { warmup, samples, budgetMs }) {
  const labels = Object.keys(contenders);
  for (let i = 0; i < warmup; i++) {
    for (const label of labels) await contenders[label]();
  }
  const times = Object.fromEntries(labels.map((l) => [l, []]));
  const started = performance.now();
  for (let round = 0; round < samples; round++) {
    const order = round % 2 ? [...labels].reverse() : labels;
    for (const label of order) times[label].push(await timeOnce(contenders[label]));
    if (performance.now() - started > budgetMs) break;
  }
  return times;
}

/** The median of the per-round ratios `a[i] / b[i]`, with their min and max. */
export function pairedRatio(a, b) {
  return summarize(a.map((x, i) => x / b[i]));
}

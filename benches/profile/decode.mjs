// Where the SDK's decode time goes, for the lead's redesign of the decode
// path. Not part of `make bench`:
//
//   node --expose-gc benches/profile/decode.mjs [report|page] [PKG_DIR] [--sdk-only]
//
// It times the SDK's call (fetch answered from memory) and, separately, each
// step that path performs on the same body: reading it as text, copying the
// string into wasm the way the wasm-bindgen glue does (one charCodeAt per
// character) for the Rust decoder, and JSON.parse of the JS string. What is
// left of the SDK's time is the Rust side (serde_json and the allocator).
// The cheaper ways in (encodeInto, bytes) and out (TextDecoder) are timed
// too, for comparison.
//
// With `--cpu-prof-dir DIR` before the script, Node also writes a V8 profile;
// pass it to benches/profile/summarize.mjs for self time per function. Add
// --sdk-only (and leave out --expose-gc) so that the profile holds nothing
// but the SDK's calls and the collector's own work. Use a
// pkg copy whose .wasm still has its name section (target/wasm-pack/
// qualys_pci_bg.wasm, before wasm-opt) to see Rust function names.

import { reportData, summaryPage } from "../lib/fixtures.mjs";
import { answerFromMemory, PKG } from "../lib/setup.mjs";
import { median } from "../lib/stats.mjs";

const [which = "report", pkgDir] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const sdkOnly = process.argv.includes("--sdk-only");
const dir = pkgDir ? `${pkgDir.replace(/\/$/, "")}/` : PKG;
const body = which === "page" ? summaryPage({ rows: 1000 }) : reportData({ notes: 5000, assets: 5000 });
const bytes = new TextEncoder().encode(body);
const ROUNDS = which === "page" ? 200 : 25;

answerFromMemory(body);
const { PciClient } = await import(`${dir}node.js`);
const client = new PciClient({ baseUrl: "http://127.0.0.1:9", username: "demo", password: "demo" });
const call = which === "page" ? () => client.complianceSummary() : () => client.fetchReportData();

const gc = globalThis.gc ?? (() => {});
async function time(label, fn) {
  for (let i = 0; i < 3; i++) await fn();
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) {
    gc();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return [label, median(samples)];
}

// The glue's passStringToWasm0 for ASCII text, into a plain buffer.
const target = new Uint8Array(bytes.length + 16);
function copyLikeGlue(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) break;
    target[i] = code;
  }
}

if (sdkOnly) {
  const [, ms] = await time("sdk call (total)", call);
  console.log(`${which}: sdk call ${ms.toFixed(2)} ms (median of ${ROUNDS})`);
  process.exit(0);
}

const decoder = new TextDecoder();
const rows = [
  await time("sdk call (total)", call),
  await time("baseline: Response.json()", () => new Response(bytes).json()),
  await time("Response.text()", () => new Response(bytes).text()),
  await time("Response.arrayBuffer()", () => new Response(bytes).arrayBuffer()),
  await time("JSON.parse(text)", () => JSON.parse(body)),
  await time("string into wasm, glue loop (x1)", () => copyLikeGlue(body)),
  await time("string into wasm, encodeInto (x1)", () => new TextEncoder().encodeInto(body, target)),
  await time("bytes into wasm, Uint8Array.set (x1)", () => target.set(bytes)),
  await time("string out of wasm, TextDecoder (x1)", () => decoder.decode(bytes)),
];

const ms = Object.fromEntries(rows);
// The path since commit 7ba277f: text(), one copy in for the Rust decoder,
// and JSON.parse of the JS string; the rest runs in wasm.
const js = ms["Response.text()"] + ms["string into wasm, glue loop (x1)"] + ms["JSON.parse(text)"];
rows.push(["rest: Rust in wasm (serde_json, alloc) by difference", ms["sdk call (total)"] - js]);

console.log(`${which}: ${(body.length / 1e6).toFixed(2)} MB, median of ${ROUNDS} runs after 3 warm-ups`);
for (const [label, value] of rows) {
  const share = ((100 * value) / ms["sdk call (total)"]).toFixed(0).padStart(4);
  console.log(`  ${label.padEnd(56)} ${value.toFixed(2).padStart(8)} ms ${share} %`);
}

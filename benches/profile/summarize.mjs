// Self time per function and per kind (wasm, JS glue, builtins, GC) from a
// V8 .cpuprofile written by `node --cpu-prof`:
//
//   node benches/profile/summarize.mjs FILE.cpuprofile [TOP]

import { readFileSync } from "node:fs";

const [file, top = "25"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node benches/profile/summarize.mjs FILE.cpuprofile [TOP]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

function kindOf({ functionName, url }) {
  if (url.startsWith("wasm://")) return "wasm (Rust)";
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(idle)" || functionName === "(program)") return functionName;
  if (url.endsWith("qualys_pci.js")) return "wasm-bindgen glue (JS)";
  if (url === "") return "V8 builtins (JSON.parse, TextDecoder, ...)";
  if (url.startsWith("node:")) return "Node internals (fetch, Response)";
  return "other JS";
}

const byFunction = new Map();
const byKind = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const { callFrame } = nodes.get(id);
  const name = `${callFrame.functionName || "(anonymous)"} ${callFrame.url.split("/").pop()}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  const kind = kindOf(callFrame);
  byKind.set(kind, (byKind.get(kind) ?? 0) + us);
  if (kind !== "(idle)") total += us;
}

const print = (map, limit) =>
  [...map].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, limit).forEach(([k, us]) => {
    console.log(`  ${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  });
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, not idle`);
console.log("by kind:");
print(byKind, 20);
console.log(`top ${top} functions by self time:`);
print(byFunction, Number(top));

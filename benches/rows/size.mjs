// size_gzip_kib: what a bundler ships (the .wasm, the bundler entry and the
// wasm-bindgen glue), each gzipped at level 9 as `gzip -9` would.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { PKG, ROOT } from "../lib/setup.mjs";

const gzipKib = (...files) => gzipSync(Buffer.concat(files.map((f) => readFileSync(f))), { level: 9 }).length / 1024;

export async function run() {
  const wasm = gzipKib(`${PKG}qualys_pci_bg.wasm`);
  const js = gzipKib(`${PKG}bundler.js`, `${PKG}qualys_pci.js`);
  const sdk = wasm + js;
  const baseline = gzipKib(`${ROOT}benches/baseline/client.mjs`);
  return {
    name: "size_gzip_kib",
    sdk,
    baseline,
    ratio: sdk / baseline,
    goal: "sdk ≤ 64 KiB",
    unit: "KiB",
    meets: sdk <= 64,
    detail: `wasm ${wasm.toFixed(1)} KiB + JS ${js.toFixed(1)} KiB`,
  };
}

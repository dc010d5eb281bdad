// For Node 20+. Reading and compiling synchronously avoids top-level await, so
// CommonJS code can load this entry with require() as well (Node 20.19+).
import { readFileSync } from 'node:fs';
import { initSync } from './qualys_pci.js';

initSync({ module: readFileSync(new URL('./qualys_pci_bg.wasm', import.meta.url)) });

export * from './qualys_pci.js';

// For Cloudflare Workers, which refuse to compile WebAssembly from bytes at run
// time. Wrangler uploads an imported .wasm as its own module, and the import
// yields an already compiled WebAssembly.Module.
import wasmModule from './qualys_pci_bg.wasm';
import { initSync } from './qualys_pci.js';

initSync({ module: wasmModule });

export * from './qualys_pci.js';

// For bundlers (Vite, webpack 5, Rollup, esbuild with a wasm loader). They
// recognise `new URL('…', import.meta.url)` and emit the .wasm as an asset;
// top-level await keeps importing this module the only step users need.
import init from './qualys_pci.js';

await init({ module_or_path: new URL('./qualys_pci_bg.wasm', import.meta.url) });

export * from './qualys_pci.js';

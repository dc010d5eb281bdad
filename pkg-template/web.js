// For pages without a bundler: nothing runs on import. Call `await init()`
// once (it fetches qualys_pci_bg.wasm beside this file), then use the API.
export { default, default as init } from './qualys_pci.js';
export * from './qualys_pci.js';

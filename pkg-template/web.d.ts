// The page-without-a-bundler entry: the API, plus `init`, which must be
// awaited once before the first call.
export * from './qualys_pci.js';

/** Where `init` finds the module: by default `qualys_pci_bg.wasm` beside `web.js`. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Fetches and instantiates the module; resolves once the API is ready. */
declare function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<void>;
export default init;
export { init };

// The entries for bundlers, Node and Workers initialise the module on import
// and export the same API, so they share these declarations.
export * from './qualys_pci.js';

export { default, default as init } from './qualys_pci.js';
export * from './qualys_pci.js';

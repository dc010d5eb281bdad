import { defineConfig } from "vite";

export default defineConfig({
  // The SDK's browser entry loads its .wasm through `new URL(..., import.meta.url)`;
  // pre-bundling it would lose that file, so Vite serves it as it is.
  optimizeDeps: { exclude: ["qualys-pci"] },
  server: {
    host: "127.0.0.1",
    // `file:../../pkg` is a symlink out of this folder.
    fs: { allow: [".", "../../pkg"] },
  },
  build: { target: "es2022" },
});

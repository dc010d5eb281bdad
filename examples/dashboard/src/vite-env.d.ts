/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The proxy's address, when the build knows it. */
  readonly VITE_PROXY_URL?: string;
}

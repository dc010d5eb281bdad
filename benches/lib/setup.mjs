// What every row needs: the repository's paths, the SDK as Node users load
// it, the baseline client, and fetch answered from memory.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PKG = `${ROOT}pkg/`;

/** Credentials of every emulator the benchmarks start. */
export const CREDENTIALS = { username: "demo", password: "demo" };

/**
 * The packed SDK through its Node entry (`pkg/node.js`), plus the wasm
 * linear memory: `initSync()` called again returns the instance that the
 * entry already created.
 */
export async function loadSdk() {
  if (!existsSync(`${PKG}node.js`)) throw new Error(`no package at ${PKG}: run \`make pkg\``);
  const sdk = await import(`${PKG}node.js`);
  return { PciClient: sdk.PciClient, memory: sdk.initSync().memory };
}

/**
 * Replaces `globalThis.fetch` with one that answers every request with
 * `body` (a string, encoded once), so that a benchmark measures the client
 * and not the network. Both clients read the same bytes through the same
 * Response class.
 */
export function answerFromMemory(body) {
  const bytes = new TextEncoder().encode(body);
  const headers = { "content-type": "application/json" };
  globalThis.fetch = async () => new Response(bytes, { status: 200, headers });
}

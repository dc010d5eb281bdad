// Starts qualys-pci-emulator instances for the examples' tests and the demo,
// always on a free loopback port, and talks to its control routes.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_BIN = `${ROOT}target/debug/qualys-pci-emulator`;

/**
 * Starts the emulator (credentials demo/demo unless `args` say otherwise) with
 * `args` such as ["--rate-limit", "5/60"], and resolves
 * once it prints `listening on http://HOST:PORT`.
 */
export async function startEmulator(args = [], { readyTimeoutMs = 15_000 } = {}) {
  const bin = process.env.QUALYS_PCI_EMULATOR_BIN ?? DEFAULT_BIN;
  if (!existsSync(bin)) {
    throw new Error(`no emulator at ${bin}: run \`cargo build -p qualys-pci-emulator\` (or set QUALYS_PCI_EMULATOR_BIN)`);
  }
  const child = spawn(bin, ["--host", "127.0.0.1", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr = [];
  child.stderr.on("data", (chunk) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });

  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(`printed no "listening on" line within ${readyTimeoutMs} ms`), readyTimeoutMs);
    function fail(why) {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(new Error(`the emulator ${why}; its stderr ends with: ${Buffer.concat(stderr).toString().slice(-500)}`));
    }
    lines.once("line", (line) => {
      clearTimeout(timer);
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]);
      else fail(`printed ${JSON.stringify(line)} instead of "listening on ..."`);
    });
    child.once("exit", (code) => fail(`exited with ${code} before listening`));
  });
  // Drain stdout so that the emulator never blocks on a full pipe.
  child.stdout.resume();
  // Whatever ends this process (Miniflare exits on Ctrl-C itself), the
  // emulator must not outlive it.
  const orphanGuard = () => child.kill("SIGTERM");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  return new Emulator(url, child);
}

export class Emulator {
  constructor(url, child) {
    this.url = url;
    this.child = child;
  }

  /** `{requests, byPath, maxInFlight, inFlight, rateLimited}` since the last reset. */
  async stats() {
    return this.#control("GET", "/__emulator/stats");
  }

  async reset() {
    await this.#control("POST", "/__emulator/reset");
  }

  /** Moves a report on as its admin would: "attest", "reject" or "submit". */
  async act(reportId, action) {
    await this.#control("POST", `/__emulator/reports/${reportId}/${action}`);
  }

  async #control(method, path) {
    const response = await fetch(this.url + path, { method });
    if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}: ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }
}

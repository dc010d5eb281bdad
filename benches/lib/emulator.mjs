// The emulator for the rows that need a server. Full runs use the release
// build, because the debug build spends longer on a 1,000-row page than the
// 20 ms latency being measured; smoke runs only prove the script works, so
// the debug build that `make test` already has will do. The examples' starter
// does the rest. QUALYS_PCI_EMULATOR_BIN overrides the choice.

import { existsSync } from "node:fs";
import { startEmulator } from "../../examples/scripts/emulator.mjs";
import { CREDENTIALS, ROOT } from "./setup.mjs";

export async function emulator(args, { smoke }) {
  const profile = smoke ? "debug" : "release";
  const bin = process.env.QUALYS_PCI_EMULATOR_BIN ?? `${ROOT}target/${profile}/qualys-pci-emulator`;
  if (!existsSync(bin)) {
    throw new Error(`no emulator at ${bin}: run \`cargo build${smoke ? "" : " --release"} -p qualys-pci-emulator\``);
  }
  process.env.QUALYS_PCI_EMULATOR_BIN = bin;
  return startEmulator(["--username", CREDENTIALS.username, "--password", CREDENTIALS.password, ...args]);
}

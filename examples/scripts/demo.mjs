// `make demo`: starts the emulator, the proxy and the dashboard, prints the
// one URL to open, and stops all three on Ctrl-C. Logs go to target/demo/.
import { appendFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startStack } from "./stack.mjs";

const logDir = fileURLToPath(new URL("../../target/demo/", import.meta.url));
mkdirSync(logDir, { recursive: true });
const proxyLog = `${logDir}proxy.log`;

let stack;
try {
  stack = await startStack({
    reportStepMs: 1000,
    onProxyLog: (text) => appendFileSync(proxyLog, text),
  });
} catch (error) {
  console.error(`demo: FAILED to start: ${error.message}`);
  process.exit(1);
}

console.log(`Open ${stack.openUrl}  (Ctrl-C stops the demo)`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

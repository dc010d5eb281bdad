// One pass/fail line per check, and what the checks need to ask the emulator
// directly, without the package, for the expected answers.
import { removeConsumer } from './consumer.mjs';

/**
 * Runs `body(track)` and prints `package check NAME: passed (...)` or
 * `package check NAME: FAILED: reason`, setting the exit code. `track(dir)`
 * registers a consumer folder: removed on success, kept on failure.
 */
export async function check(name, body) {
  const folders = [];
  try {
    const detail = await body((dir) => {
      folders.push(dir);
      return dir;
    });
    console.log(`package check ${name}: passed${detail ? ` (${detail})` : ''}`);
    folders.forEach(removeConsumer);
  } catch (error) {
    console.error(error?.stack ?? error);
    console.log(`package check ${name}: FAILED: ${error?.message ?? error}`);
    if (folders.length > 0) {
      console.log(`package check ${name}: consumer project kept in ${folders.join(', ')}`);
    }
    process.exitCode = 1;
  }
}

/** Throws `message` unless `condition` holds. */
export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** The running emulator's address, from scripts/with-emulator.sh. */
export function emulatorUrl() {
  const url = process.env.QUALYS_PCI_EMULATOR_URL;
  if (!url) {
    throw new Error('QUALYS_PCI_EMULATOR_URL is unset: run the checks through scripts/test-package.sh');
  }
  return url;
}

/** The emulator's default account, as scripts/with-emulator.sh starts it. */
export const credentials = { username: 'demo', password: 'demo' };

/** The environment a consumer's script reads the emulator and its account from, plus `extra`. */
export function consumerEnv(extra = {}) {
  return {
    ...process.env,
    QUALYS_BASE_URL: emulatorUrl(),
    QUALYS_USERNAME: credentials.username,
    QUALYS_PASSWORD: credentials.password,
    ...extra,
  };
}

/** A plain request to the emulator's API, for the answers a check expects. */
export async function emulatorApi(path, init = {}) {
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  const response = await fetch(new URL(path, emulatorUrl()), {
    ...init,
    headers: { Authorization: `Basic ${auth}`, apiVersion: 'V1', 'Content-Type': 'application/json' },
  });
  const text = await response.text();
  expect(response.ok, `the emulator answered ${response.status} to ${path}: ${text.slice(0, 300)}`);
  return JSON.parse(text).data;
}

/** Submits a minimal report straight to the emulator and returns its id. */
export async function submitReportDirectly() {
  const result = await emulatorApi('/pci/reporting/reportGeneration/submit', {
    method: 'POST',
    body: JSON.stringify({ yourName: 'Package Check', yourTitle: 'Mx.' }),
  });
  return result.id;
}

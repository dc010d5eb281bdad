// Packaging lint: publint and Are the Types Wrong on the built package. Both
// must report nothing, for every entry and condition.
import { spawnSync } from 'node:child_process';
import { check, expect } from '../lib/check.mjs';

function run(tool, args) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  expect(!result.error, `${tool} could not start: ${result.error?.message}; run 'make setup'`);
  expect(result.status === 0, `${tool} ${args.join(' ')} reported problems:\n${output}`);
  return output;
}

await check('lint', async () => {
  // --strict turns publint's warnings into failures as well.
  run('publint', ['--strict', './pkg']);
  // The package is ESM only (Node 20+), so the esm-only profile leaves out
  // the CommonJS and node10 resolutions that it does not claim to serve.
  run('attw', ['--pack', './pkg', '--profile', 'esm-only', '--format', 'table-flipped']);
  return 'publint --strict and attw --pack --profile esm-only are clean';
});

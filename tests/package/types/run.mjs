// Types: a strict TypeScript consumer compiled against the installed package's
// declarations, with skipLibCheck off so the declarations themselves are
// checked too.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConsumer } from '../lib/consumer.mjs';
import { check, expect } from '../lib/check.mjs';

const here = new URL('./consumer/', import.meta.url);

await check('types', async (track) => {
  const files = Object.fromEntries(
    readdirSync(here).map((name) => [name, readFileSync(new URL(name, here), 'utf8')]),
  );
  const dir = track(createConsumer('types', files));
  const tsc = spawnSync('tsc', ['--noEmit', '--strict', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  expect(!tsc.error, `tsc could not start: ${tsc.error?.message}; run 'make setup'`);
  expect(tsc.status === 0, `tsc --noEmit --strict found errors:\n${tsc.stdout}${tsc.stderr}`);
  const expected = files['check.ts'].match(/@ts-expect-error/g).length;
  return `results precisely typed, ${expected} misuses rejected`;
});

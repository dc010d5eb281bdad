// Node: the README's Node quick start, run as an ESM script in a consumer
// project. It lists failing assets and downloads a generated report's PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConsumer, snippetFiles, writeFiles } from '../lib/consumer.mjs';
import { check, consumerEnv, emulatorApi, expect } from '../lib/check.mjs';

await check('node', async (track) => {
  const dir = track(createConsumer('node'));
  writeFiles(dir, snippetFiles(dir, 'node'));

  const output = execFileSync(process.execPath, ['main.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: consumerEnv(),
  });

  const failing = await emulatorApi('/pci/compliance/summary?complianceStatus=Fail&limit=10');
  const expected = `${failing.totalCount} assets fail; the first is ${failing.complianceSummaryList[0]?.ip}`;
  expect(output.includes(expected), `the script printed\n${output}\nbut not "${expected}"`);

  const saved = /saved (.+), (\d+) bytes/.exec(output);
  expect(saved, `the script did not report a saved PDF:\n${output}`);
  const pdf = readFileSync(join(dir, saved[1]));
  expect(pdf.subarray(0, 5).toString('latin1') === '%PDF-', `${saved[1]} does not start with %PDF-`);
  expect(pdf.length === Number(saved[2]), `${saved[1]} has ${pdf.length} bytes, the File said ${saved[2]}`);
  return `${failing.totalCount} failing assets, ${saved[1]} ${pdf.length} bytes`;
});

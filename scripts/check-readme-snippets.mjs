// The root README shows quick starts that the package checks run from the npm
// README (pkg-template/README.md). This fails when a block marked
// `<!-- snippet: NAME -->` in the root README differs from the npm README's
// block of the same name, so the two cannot drift apart.
import { readFileSync } from 'node:fs';

function snippets(path) {
  const text = readFileSync(path, 'utf8');
  const found = new Map();
  for (const [, name, code] of text.matchAll(/<!-- snippet: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    found.set(name, code);
  }
  return found;
}

const root = snippets('README.md');
const tested = snippets('pkg-template/README.md');
let failed = 0;
for (const [name, code] of root) {
  if (!tested.has(name)) {
    console.error(`README.md: snippet ${name} is not in pkg-template/README.md, so no test runs it`);
    failed += 1;
  } else if (tested.get(name) !== code) {
    console.error(`README.md: snippet ${name} differs from pkg-template/README.md; copy it unchanged`);
    failed += 1;
  }
}
if (root.size === 0) {
  console.error('README.md has no <!-- snippet: NAME --> blocks');
  failed += 1;
}
console.log(`readme snippets: ${root.size - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

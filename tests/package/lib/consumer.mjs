// A fresh consumer project per check, in a temporary folder, with the packed
// tarball installed as users install it. The checks' tools (Vite, esbuild,
// miniflare, tsc) come from the repository's node_modules, so the only
// install here is the tarball itself, which has no dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The tarball that scripts/test-package.sh packed from pkg/. */
export function tarball() {
  const path = process.env.QUALYS_PCI_TARBALL;
  if (!path) {
    throw new Error('QUALYS_PCI_TARBALL is unset: run the checks through scripts/test-package.sh');
  }
  return path;
}

/**
 * Creates a project named after `check` holding `files` (path → text) and
 * installs the package into it. Returns the project's folder.
 */
export function createConsumer(check, files = {}) {
  const dir = mkdtempSync(join(tmpdir(), `qualys-pci-${check}-`));
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: `consumer-${check}`, private: true, type: 'module' }),
    ...files,
  });
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball()],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return dir;
}

/** Writes `files` (path relative to `dir` → text), creating folders. */
export function writeFiles(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * The code blocks of the installed package's README that are marked
 * `<!-- snippet: NAME -->`, by NAME. The checks run these blocks, so that the
 * README's quick starts are exactly what is tested.
 */
export function readmeSnippets(consumerDir) {
  const readme = readFileSync(join(consumerDir, 'node_modules/qualys-pci/README.md'), 'utf8');
  const snippets = {};
  for (const [, name, code] of readme.matchAll(/<!-- snippet: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    snippets[name] = code;
  }
  return snippets;
}

/** The snippets whose names start with `prefix/`, keyed by the rest of the name. */
export function snippetFiles(consumerDir, prefix) {
  const files = {};
  for (const [name, code] of Object.entries(readmeSnippets(consumerDir))) {
    if (name.startsWith(`${prefix}/`)) {
      files[name.slice(prefix.length + 1)] = code;
    }
  }
  if (Object.keys(files).length === 0) {
    throw new Error(`the package README has no snippet marked <!-- snippet: ${prefix}/... -->`);
  }
  return files;
}

/** Removes a consumer project; kept when a check failed, to look into. */
export function removeConsumer(dir) {
  rmSync(dir, { recursive: true, force: true });
}

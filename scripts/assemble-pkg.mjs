// Usage: node scripts/assemble-pkg.mjs GLUE_DIR OPTIMISED_WASM OUT_DIR
//
// Lays out the publishable package: wasm-bindgen's glue from GLUE_DIR, the
// optimised .wasm, and everything in pkg-template/. The package.json template
// gets its version and descriptive fields from Cargo.toml, so the crate and
// the npm package cannot drift apart.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [glueDir, wasmFile, outDir] = process.argv.slice(2);
if (!outDir) {
  throw new Error('usage: node scripts/assemble-pkg.mjs GLUE_DIR OPTIMISED_WASM OUT_DIR');
}
const templateDir = 'pkg-template';

const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { encoding: 'utf8' }),
);
const crate = metadata.packages.find((p) => p.name === 'qualys-pci');
if (!crate) {
  throw new Error('cargo metadata lists no package named qualys-pci: is this the repository root?');
}

/**
 * The glue's declarations without its loader section (`InitInput`,
 * `InitOutput`, `initSync`, the default `init`): that section types the raw
 * wasm exports with `any`, and only `web.d.ts` offers an `init`, declared
 * there with its own precise type.
 */
function publicDeclarations(path) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('export type InitInput');
  if (start < 0) {
    throw new Error(`${path} has no loader section (export type InitInput): did wasm-bindgen's --target web output change?`);
  }
  return `${text.slice(0, start).trimEnd()}\n`;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir);

// The glue's own default init path names `qualys_pci_bg.wasm`, so the
// optimised module keeps that name.
copyFileSync(join(glueDir, 'qualys_pci.js'), join(outDir, 'qualys_pci.js'));
writeFileSync(join(outDir, 'qualys_pci.d.ts'), publicDeclarations(join(glueDir, 'qualys_pci.d.ts')));
copyFileSync(wasmFile, join(outDir, 'qualys_pci_bg.wasm'));
// JS the crate ships beside its Rust (wasm-bindgen `module` imports), which
// the glue imports by relative path.
if (existsSync(join(glueDir, 'snippets'))) {
  cpSync(join(glueDir, 'snippets'), join(outDir, 'snippets'), { recursive: true });
}

for (const name of readdirSync(templateDir)) {
  if (name !== 'package.json') {
    copyFileSync(join(templateDir, name), join(outDir, name));
  }
}

const manifest = JSON.parse(readFileSync(join(templateDir, 'package.json'), 'utf8'));
manifest.version = crate.version;
manifest.description = crate.description;
manifest.license = crate.license;
manifest.keywords = crate.keywords;
if (crate.repository) {
  manifest.repository = { type: 'git', url: `git+${crate.repository}.git` };
}
writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// npm pack silently leaves out a listed file that does not exist; fail here instead.
const missing = manifest.files.filter((f) => !existsSync(join(outDir, f)));
if (missing.length > 0) {
  throw new Error(`package.json "files" lists ${missing.join(', ')}, which ${outDir}/ lacks`);
}

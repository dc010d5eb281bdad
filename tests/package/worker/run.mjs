// Cloudflare Workers: the README's Worker quick start, bundled as wrangler
// bundles a module Worker and run in workerd through miniflare.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { createConsumer, snippetFiles, writeFiles } from '../lib/consumer.mjs';
import { check, credentials, emulatorApi, emulatorUrl, expect, submitReportDirectly } from '../lib/check.mjs';

/**
 * Wrangler's defaults for a module Worker: esbuild with the workerd, worker
 * and browser conditions, and every imported .wasm kept out of the bundle as
 * its own module, copied beside it.
 */
async function bundleLikeWrangler(dir, entry) {
  const outdir = join(dir, 'dist');
  mkdirSync(outdir, { recursive: true });
  const wasmModules = {
    name: 'wasm-modules',
    setup(b) {
      b.onResolve({ filter: /\.wasm$/ }, (args) => {
        expect(args.path.startsWith('.'), `expected a relative .wasm import, got ${args.path}`);
        const source = resolve(args.resolveDir, args.path);
        const name = basename(source);
        copyFileSync(source, join(outdir, name));
        return { path: `./${name}`, external: true };
      });
    },
  };
  await build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    outdir,
    plugins: [wasmModules],
    logLevel: 'warning',
  });
  return join(outdir, basename(entry));
}

await check('worker', async (track) => {
  const dir = track(createConsumer('worker'));
  writeFiles(dir, snippetFiles(dir, 'worker'));
  const scriptPath = await bundleLikeWrangler(dir, 'src/index.js');
  const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(
    readFileSync(join(dir, 'wrangler.toml'), 'utf8'),
  )[1];

  const mf = new Miniflare({
    scriptPath,
    modules: true,
    // Module names are paths relative to this root; the default (the cwd) is
    // outside the temporary project.
    modulesRoot: dirname(scriptPath),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate,
    bindings: {
      QUALYS_BASE_URL: emulatorUrl(),
      QUALYS_USERNAME: credentials.username,
      QUALYS_PASSWORD: credentials.password,
    },
  });
  try {
    const reportId = await submitReportDirectly();
    const response = await mf.dispatchFetch(`http://localhost/?reportId=${reportId}`);
    const body = await response.text();
    expect(response.status === 200, `the Worker answered ${response.status}: ${body}`);

    const answer = JSON.parse(body);
    const failing = await emulatorApi('/pci/compliance/summary?complianceStatus=Fail&limit=1');
    const status = await emulatorApi(`/pci/reporting/${reportId}/status`);
    expect(answer.failingAssets === failing.totalCount,
      `the Worker says ${answer.failingAssets} failing assets, the emulator ${failing.totalCount}`);
    expect(answer.report?.id === reportId, `the Worker reported ${JSON.stringify(answer.report)} for report ${reportId}`);
    expect(typeof answer.report.status === 'string' && answer.report.status.length > 0,
      `the Worker's report status is ${JSON.stringify(answer.report.status)}`);
    return `${answer.failingAssets} failing assets, report ${reportId} ${answer.report.status} (emulator now: ${status.status})`;
  } finally {
    await mf.dispose();
  }
});

// Browser: the README's bundler quick start, built in a consumer project,
// served on loopback and opened in Debian's headless Chromium. It is built
// with the newest Vite and with Vite 5, the oldest the README promises, both
// through the README's vite.config.js, and with webpack 5.
// The emulator allows the page's origin (scripts/test-package.sh passes
// --cors-origin http://127.0.0.1:$QUALYS_PCI_PAGE_PORT).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import * as vite from 'vite';
import * as vite5 from 'vite5';
import webpack from 'webpack';
import { createConsumer, snippetFiles, writeFiles } from '../lib/consumer.mjs';
import { check, credentials, emulatorApi, emulatorUrl, expect } from '../lib/check.mjs';

const pagePort = Number(process.env.QUALYS_PCI_PAGE_PORT);
/** What the page reads from `import.meta.env`: the emulator and its account. */
const pageEnv = () => ({
  VITE_PCI_BASE_URL: emulatorUrl(),
  VITE_PCI_USERNAME: credentials.username,
  VITE_PCI_PASSWORD: credentials.password,
});

/** Builds the page with one Vite (package.json installs Vite 5 as vite5); returns the output folder. */
async function viteBuild(bundler, dir) {
  const outDir = `dist-vite-${bundler.version}`;
  await bundler.build({ root: dir, logLevel: 'warn', build: { outDir } });
  return outDir;
}

/**
 * Builds the page with webpack's defaults for the web. webpack has no
 * `import.meta.env`, so the values Vite reads from .env.local are defined.
 */
async function webpackBuild(dir) {
  const outDir = 'dist-webpack';
  const define = Object.fromEntries(
    Object.entries(pageEnv()).map(([name, value]) => [`import.meta.env.${name}`, JSON.stringify(value)]),
  );
  const compiler = webpack({
    mode: 'production',
    context: dir,
    entry: './main.js',
    output: { path: join(dir, outDir), filename: 'main.js', publicPath: '/' },
    plugins: [new webpack.DefinePlugin(define)],
    performance: { hints: false },
  });
  const stats = await new Promise((resolve, reject) => {
    compiler.run((error, result) => (error ? reject(error) : resolve(result)));
  });
  expect(!stats.hasErrors(), `webpack failed:\n${stats.toString({ all: false, errors: true })}`);
  copyFileSync(join(dir, 'index.html'), join(dir, outDir, 'index.html'));
  return outDir;
}

const BUNDLERS = [
  [`Vite ${vite.version}`, (dir) => viteBuild(vite, dir)],
  [`Vite ${vite5.version}`, (dir) => viteBuild(vite5, dir)],
  [`webpack ${webpack.version}`, webpackBuild],
];

/** Serves the built page in `dir/outDir` and returns what Chromium shows in #summary. */
async function shownByPage(dir, outDir) {
  // Vite's preview server serves any built folder, webpack's too.
  const server = await vite.preview({
    root: dir,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: pagePort, strictPort: true },
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    await page.goto(`http://127.0.0.1:${pagePort}/`);
    const summary = page.locator('#summary');
    await summary.filter({ hasNotText: 'Loading' }).waitFor({ timeout: 20_000 });
    return { shown: await summary.textContent(), errors };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}

await check('browser', async (track) => {
  expect(pagePort > 0, 'QUALYS_PCI_PAGE_PORT is unset: run the checks through scripts/test-package.sh');
  const dir = track(createConsumer('browser'));
  writeFiles(dir, {
    ...snippetFiles(dir, 'browser'),
    '.env.local': Object.entries(pageEnv())
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  });

  const expected = await emulatorApi('/pci/compliance/summary?sortBy=ip&limit=3');
  const assets = expected.complianceSummaryList.map((a) => `${a.ip} ${a.complianceStatus}`);
  const want = `${expected.totalCount} assets: ${assets.join(', ')}`;
  for (const [name, build] of BUNDLERS) {
    const { shown, errors } = await shownByPage(dir, await build(dir));
    expect(
      shown === want,
      `built with ${name}, the page shows "${shown}", expected "${want}"; page errors: ${errors.join(' | ')}`,
    );
  }
  return `page shows ${expected.totalCount} assets, built with ${BUNDLERS.map(([name]) => name).join(', ')}`;
});

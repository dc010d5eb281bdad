// Browser: the README's bundler quick start, built with Vite in a consumer
// project, served on loopback and opened in Debian's headless Chromium. It is
// built with the newest Vite and with Vite 5, the oldest the README promises,
// both through the README's vite.config.js.
// The emulator allows the page's origin (scripts/test-package.sh passes
// --cors-origin http://127.0.0.1:$QUALYS_PCI_PAGE_PORT).
import { chromium } from 'playwright-core';
import { createConsumer, snippetFiles, writeFiles } from '../lib/consumer.mjs';
import { check, credentials, emulatorApi, emulatorUrl, expect } from '../lib/check.mjs';

const pagePort = Number(process.env.QUALYS_PCI_PAGE_PORT);
// package.json installs Vite 5 under the name vite5.
const BUNDLERS = [
  ['vite', await import('vite')],
  ['vite5', await import('vite5')],
];

/** Builds the page in `dir` with `vite`, serves it, and returns what Chromium shows in #summary. */
async function shownByPage(vite, dir) {
  const outDir = `dist-${vite.version}`;
  await vite.build({ root: dir, logLevel: 'warn', build: { outDir } });
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
    '.env.local': [
      `VITE_PCI_BASE_URL=${emulatorUrl()}`,
      `VITE_PCI_USERNAME=${credentials.username}`,
      `VITE_PCI_PASSWORD=${credentials.password}`,
    ].join('\n'),
  });

  const expected = await emulatorApi('/pci/compliance/summary?sortBy=ip&limit=3');
  const assets = expected.complianceSummaryList.map((a) => `${a.ip} ${a.complianceStatus}`);
  const want = `${expected.totalCount} assets: ${assets.join(', ')}`;
  const versions = [];
  for (const [name, vite] of BUNDLERS) {
    const { shown, errors } = await shownByPage(vite, dir);
    expect(
      shown === want,
      `built with ${name} ${vite.version}, the page shows "${shown}", expected "${want}"; page errors: ${errors.join(' | ')}`,
    );
    versions.push(`Vite ${vite.version}`);
  }
  return `page shows ${expected.totalCount} assets, built with ${versions.join(' and ')}`;
});

// Browser: the README's bundler quick start, built with Vite in a consumer
// project, served on loopback and opened in Debian's headless Chromium.
// The emulator allows the page's origin (scripts/test-package.sh passes
// --cors-origin http://127.0.0.1:$QUALYS_PCI_PAGE_PORT).
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { createConsumer, snippetFiles, writeFiles } from '../lib/consumer.mjs';
import { check, credentials, emulatorApi, emulatorUrl, expect } from '../lib/check.mjs';

const pagePort = Number(process.env.QUALYS_PCI_PAGE_PORT);

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

  await build({ root: dir, logLevel: 'warn' });
  const server = await preview({
    root: dir,
    logLevel: 'warn',
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
    const shown = await summary.textContent();

    const expected = await emulatorApi('/pci/compliance/summary?sortBy=ip&limit=3');
    const assets = expected.complianceSummaryList.map((a) => `${a.ip} ${a.complianceStatus}`);
    const want = `${expected.totalCount} assets: ${assets.join(', ')}`;
    expect(shown === want, `the page shows "${shown}", expected "${want}"; page errors: ${errors.join(' | ')}`);
    return `page shows ${expected.totalCount} assets`;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
});

// The dashboard in headless Chromium against the proxy and the emulator: the
// stack `make demo` starts, driven through the whole flow. `make demo-check`
// runs this file.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startStack } from "../../scripts/stack.mjs";
import { downloadFrom, openBrowser, screenshot } from "./browser.mjs";

let stack;
let browser;
let page;
const pageErrors = [];
const proxyLogs = [];

before(async () => {
  stack = await startStack({ reportStepMs: 1000, onProxyLog: (text) => proxyLogs.push(text) });
  ({ browser, page } = await openBrowser());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(stack.openUrl);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

const text = (selector) => page.locator(selector).innerText();
const totalOf = (range) => Number(/of ([\d,]+)/.exec(range)?.[1].replace(/,/g, "") ?? NaN);
const columnValues = (column) =>
  page.locator(`#assets tbody tr td:nth-child(${column})`).allInnerTexts();

test("the table shows the first page, the total count and the Pass/Fail chart", async () => {
  await page.locator("#assets tbody tr").nth(24).waitFor();
  assert.equal(await page.locator("#assets tbody tr").count(), 25, "one page of 25 rows");
  const range = await text("#range");
  assert.match(range, /^1–25 of [\d,]+$/);
  const chart = await page.locator("#chart svg").getAttribute("aria-label");
  const [, pass, fail] = /Pass (\d+), Fail (\d+)/.exec(chart ?? "") ?? [];
  assert.equal(Number(pass) + Number(fail), totalOf(range), "the chart adds up to the total");
  assert.ok(!page.url().includes("token="), "the token left the address bar");
});

test("sorting by DNS orders the page, and a second click reverses it", async () => {
  await page.click('th button[data-sort="dns"]');
  await page.locator('th[aria-sort="ascending"] button[data-sort="dns"]').waitFor();
  const ascending = (await columnValues(2)).filter((dns) => dns !== "—");
  assert.deepEqual(ascending, [...ascending].sort(), "DNS ascending");

  await page.click('th button[data-sort="dns"]');
  await page.locator('th[aria-sort="descending"] button[data-sort="dns"]').waitFor();
  const descending = (await columnValues(2)).filter((dns) => dns !== "—");
  assert.deepEqual(descending, [...descending].sort().reverse(), "DNS descending");
});

test("filtering by Fail shows only failing assets, with their count", async () => {
  await page.selectOption('#filters select[name="complianceStatus"]', "Fail");
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#assets tbody .badge")].every((b) => b.textContent === "Fail"),
  );
  const chart = await page.locator("#chart svg").getAttribute("aria-label");
  const fail = Number(/Fail (\d+)/.exec(chart ?? "")?.[1]);
  assert.equal(totalOf(await text("#range")), fail, "the total is the Fail count");
});

test("paging moves one page on and back", async () => {
  assert.equal(await page.locator("#prev").isDisabled(), true, "no page before the first");
  await page.click("#next");
  await page.waitForFunction(() => document.querySelector("#range")?.textContent?.startsWith("26–50"));
  await page.click("#prev");
  await page.waitForFunction(() => document.querySelector("#range")?.textContent?.startsWith("1–25"));
});

test("export walks every page with a progress bar and saves all rows as CSV", async () => {
  const total = totalOf(await text("#range"));
  const { name, bytes } = await downloadFrom(page, "#export");
  assert.equal(name, "pci-compliance-summary.csv");
  const lines = bytes.toString().trim().split("\r\n");
  assert.equal(lines[0], "ip,dns,complianceStatus");
  assert.equal(lines.length - 1, total, "one line per asset");
  assert.ok(lines.slice(1).every((line) => line.endsWith(",Fail")), "the filter applies to the export");
  const progress = await page.locator("#export-progress").evaluate((p) => [p.value, p.max]);
  assert.deepEqual(progress, [total, total], "the progress bar reached the end");
  assert.match(await text("#notice"), /Exported [\d,]+ assets/);
  await screenshot(page, "dashboard-summary");
});

test("the report workflow: fetch, justify, submit, watch it live, download both PDFs, request review", async () => {
  await page.click("#fetch-data");
  await page.locator("#notes textarea").first().waitFor();
  assert.ok((await page.locator("#noncompliant textarea").count()) > 0, "assets to justify");

  await page.fill('input[name="yourName"]', "Ada Lovelace");
  await page.fill('input[name="yourTitle"]', "Ms.");
  await page.fill('input[name="notActiveIps"]', "10.0.0.100-10.0.0.111");
  await page.fill('input[name="submissionTitle"]', "Q3 attestation");
  await page.fill('#notes .fill-all input', "Reviewed: only reachable over the VPN.");
  await page.click("#notes .fill-all button");
  await page.fill('#noncompliant .fill-all input', "Patch window booked for next week.");
  await page.click("#noncompliant .fill-all button");
  await page.locator("#notes textarea").first().evaluate((box) => (box.value = "Jump host, MFA enforced."));

  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector("#report-status")?.textContent?.endsWith("Launched"));
  await page.waitForFunction(
    () => document.querySelector("#report-status")?.textContent?.endsWith("Generated"),
    undefined,
    { timeout: 20_000 },
  );
  const timeline = await page.locator("#timeline li").allInnerTexts();
  assert.ok(timeline.some((line) => line.endsWith("Report Generating")), `live statuses: ${timeline.join(" | ")}`);
  await screenshot(page, "dashboard-report");

  for (const [button, type] of [["#download-executive", "executive"], ["#download-technical", "technical"]]) {
    const { name, bytes } = await downloadFrom(page, button);
    assert.match(name, /\.pdf$/, `${type} file name`);
    assert.equal(bytes.subarray(0, 4).toString(), "%PDF", `${type} is a PDF`);
  }

  await page.click("#review");
  await page.waitForFunction(() => document.querySelector("#report-status")?.textContent?.endsWith("Pending Review"));
  assert.equal(await page.locator("#review").isDisabled(), true, "a report is reviewed once");
});

test("the overview: all assets by IP beside the generated report (the README's picture)", async () => {
  await page.selectOption('#filters select[name="complianceStatus"]', "");
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => document.querySelector("#range")?.textContent?.startsWith("1–25 of 4,"));
  await page.click('th button[data-sort="ip"]');
  await page.locator('th[aria-sort="ascending"] button[data-sort="ip"]').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "dashboard-overview", { fullPage: false });
});

test("buttons are disabled while a call runs", async () => {
  await page.route("**/pci/reporting/reportGeneration/fetch", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.click("#fetch-data");
  assert.equal(await page.locator("#fetch-data").isDisabled(), true);
  assert.equal(await page.locator("#report").getAttribute("aria-busy"), "true");
  await page.waitForFunction(() => !document.querySelector("#fetch-data")?.disabled);
  await page.unroute("**/pci/reporting/reportGeneration/fetch");
});

test("a wrong proxy token is explained in plain words", async () => {
  await page.fill('input[name="token"]', "not-the-token-at-all");
  await page.click('#connection button[type="submit"]');
  await page.locator("#notice.error").waitFor();
  assert.equal(await text("#notice"), "The proxy refused the request: check PROXY_TOKEN (the token field above).");
  assert.deepEqual(pageErrors, [], "no uncaught error in the page");
});

// The account's limits, proven with the emulator's own counts: coalescing,
// caching, the concurrency cap, the spent budget and shared status polling.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PASSWORD, USERNAME, callsTo, json, startStack } from "./helpers.mjs";

async function withStack(options, body) {
  const stack = await startStack(options);
  try {
    await body(stack);
  } finally {
    await stack.close();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe("coalescing and caching", () => {
  test("50 concurrent requests for one page make one upstream call; the cache then answers until the TTL ends", () =>
    withStack({ emulatorArgs: ["--latency-ms", "300"], vars: { CACHE_TTL_SUMMARY_SEC: "2" } }, async (stack) => {
      const path = "/api/compliance-summary?limit=25&offset=26&sortBy=dns";
      const responses = await Promise.all(Array.from({ length: 50 }, () => stack.call(path)));
      assert.ok(responses.every((r) => r.status === 200), "all 50 answered");
      const bodies = await Promise.all(responses.map((r) => r.text()));
      assert.equal(new Set(bodies).size, 1, "all 50 got the same page");
      const states = responses.map((r) => r.headers.get("x-proxy-cache"));
      assert.equal(states.filter((s) => s === "miss").length, 1, "one caller made the call");
      assert.equal(states.filter((s) => s === "shared").length, 49, "49 shared it");
      assert.equal((await stack.emulator.stats()).requests, 1, "the emulator saw one request");

      const cached = await stack.call(path);
      assert.equal(cached.headers.get("x-proxy-cache"), "hit");
      assert.equal((await stack.emulator.stats()).requests, 1, "answered from the cache within its TTL");

      await sleep(2300);
      const expired = await stack.call(path);
      assert.equal(expired.headers.get("x-proxy-cache"), "miss");
      assert.equal((await stack.emulator.stats()).requests, 2, "one new call once the TTL ended");
    }));

  test("many browsers polling one report's status cost one upstream call per interval", () =>
    withStack(
      { emulatorArgs: ["--report-step-ms", "5000"], vars: { STATUS_POLL_INTERVAL_SEC: "1" } },
      async (stack) => {
        const submitted = await stack.call("/api/reports", {
          method: "POST",
          body: JSON.stringify({ yourName: "Poller", yourTitle: "Mr." }),
        });
        const { id } = (await json(submitted)).data;
        const started = Date.now();
        const browsers = Array.from({ length: 10 }, async () => {
          let polls = 0;
          while (Date.now() - started < 3000) {
            const response = await stack.call(`/api/reports/${id}/status`);
            assert.equal(response.status, 200);
            await response.arrayBuffer();
            polls += 1;
            await sleep(100);
          }
          return polls;
        });
        const polls = (await Promise.all(browsers)).reduce((a, b) => a + b, 0);
        const upstream = callsTo(await stack.emulator.stats(), "/status");
        assert.ok(polls >= 100, `the browsers polled ${polls} times`);
        assert.ok(upstream <= 5, `${polls} polls over 3 s with a 1 s interval cost ${upstream} upstream calls`);
      },
    ));
});

describe("the concurrency cap", () => {
  const distinctPages = (stack) =>
    Promise.all(Array.from({ length: 10 }, (_, i) => stack.call(`/api/compliance-summary?limit=5&offset=${i * 5 + 1}`)));

  test("upstream calls in flight never exceed UPSTREAM_CONCURRENCY, and none is refused", () =>
    withStack(
      {
        emulatorArgs: ["--concurrency-limit", "2", "--latency-ms", "150"],
        vars: { UPSTREAM_CONCURRENCY: "2", CACHE_TTL_SUMMARY_SEC: "0" },
      },
      async (stack) => {
        const responses = await distinctPages(stack);
        assert.deepEqual(responses.map((r) => r.status), Array(10).fill(200));
        const stats = await stack.emulator.stats();
        assert.ok(stats.maxInFlight <= 2, `maxInFlight ${stats.maxInFlight}`);
        assert.equal(stats.requests, 10, "one call per page, no retries");
        assert.equal(stats.rateLimited, 0, "the emulator refused nothing");
      },
    ));

  test("without the cap the same load breaks the vendor's limit (the control case)", () =>
    withStack(
      {
        emulatorArgs: ["--concurrency-limit", "2", "--latency-ms", "150"],
        vars: { UPSTREAM_CONCURRENCY: "10", CACHE_TTL_SUMMARY_SEC: "0" },
      },
      async (stack) => {
        await distinctPages(stack);
        const stats = await stack.emulator.stats();
        assert.ok(stats.rateLimited > 0, `the emulator refused ${stats.rateLimited} calls`);
      },
    ));
});

describe("the rate budget", () => {
  test("when X-RateLimit-Remaining reaches 0, callers get 429 + Retry-After and the API gets nothing", () =>
    withStack({ emulatorArgs: ["--rate-limit", "4/30"], vars: { CACHE_TTL_SUMMARY_SEC: "0" } }, async (stack) => {
      for (let i = 1; i <= 4; i += 1) {
        const response = await stack.call(`/api/compliance-summary?limit=1&offset=${i}`);
        assert.equal(response.status, 200, `call ${i} is within the budget`);
      }
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => stack.call(`/api/compliance-summary?limit=1&offset=${i + 10}`)),
      );
      for (const response of responses) {
        assert.equal(response.status, 429);
        const retryAfter = Number(response.headers.get("retry-after"));
        assert.ok(retryAfter >= 1 && retryAfter <= 30, `Retry-After ${retryAfter}`);
        assert.equal((await json(response)).error.kind, "rateLimited");
      }
      const stats = await stack.emulator.stats();
      assert.equal(stats.requests, 4, "the 10 refused callers cost no call");
      assert.equal(stats.rateLimited, 0, "the API never had to refuse");
    }));

  test("a budget spent elsewhere turns the API's 409 into 429 with its wait, then no more calls", () =>
    withStack({ emulatorArgs: ["--rate-limit", "2/30"] }, async (stack) => {
      // Another client of the same account spends the budget directly.
      const basic = Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64");
      for (let i = 0; i < 2; i += 1) {
        const direct = await fetch(`${stack.emulator.url}/pci/reporting/reportGeneration/fetch`, {
          headers: { Authorization: `Basic ${basic}`, apiVersion: "V1" },
        });
        assert.equal(direct.status, 200);
      }

      const refused = await stack.call("/api/report-data");
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get("retry-after"));
      assert.ok(retryAfter > 1 && retryAfter <= 30, `Retry-After ${retryAfter} is the API's wait`);
      assert.equal((await json(refused)).error.source, "api");
      const afterRefusal = await stack.emulator.stats();
      assert.equal(afterRefusal.rateLimited, 1, "one call learned the wait");

      const again = await stack.call("/api/compliance-summary?limit=3");
      assert.equal(again.status, 429);
      assert.equal((await stack.emulator.stats()).requests, afterRefusal.requests, "later callers cost nothing");
    }));
});

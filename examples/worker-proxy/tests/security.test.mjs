// The proxy's security rules: its token, CORS, header isolation, secrets,
// body size and path tricks.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import { ORIGIN, PASSWORD, TOKEN, USERNAME, json, rawRequest, startStack } from "./helpers.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

const basic = Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64");

describe("the proxy token", () => {
  test("callers without it, or with a wrong one, get 401 and no upstream call", async () => {
    const before = (await stack.emulator.stats()).requests;
    for (const authorization of [undefined, "Bearer wrong-token-0123456789", `Basic ${basic}`, TOKEN, `Bearer ${TOKEN}x`]) {
      const headers = authorization === undefined ? {} : { Authorization: authorization };
      const response = await fetch(`${stack.proxy.url}/api/compliance-summary?limit=1`, { headers });
      assert.equal(response.status, 401, `Authorization: ${authorization}`);
      const { error } = await json(response);
      assert.equal(error.kind, "unauthorized");
      assert.match(error.message, /PROXY_TOKEN/);
    }
    assert.equal((await stack.emulator.stats()).requests, before, "nothing reached the API");
  });

  test("a 401 is answered on every path, so the routes stay hidden", async () => {
    const response = await fetch(`${stack.proxy.url}/no/such/path`);
    assert.equal(response.status, 401);
  });
});

describe("CORS", () => {
  test("an allowed origin gets the grant on answers and errors", async () => {
    for (const path of ["/api/compliance-summary?limit=1", "/api/compliance-summary?limit=0"]) {
      const response = await stack.call(path, { headers: { Origin: ORIGIN } });
      assert.equal(response.headers.get("access-control-allow-origin"), ORIGIN, path);
      assert.match(response.headers.get("access-control-expose-headers") ?? "", /Content-Disposition/);
      assert.match(response.headers.get("vary") ?? "", /Origin/);
    }
  });

  test("other origins get no CORS header", async () => {
    const response = await stack.call("/api/compliance-summary?limit=1", { headers: { Origin: "http://evil.test" } });
    assert.equal(response.headers.get("access-control-allow-origin"), null);
  });

  test("a preflight from an allowed origin is granted the SDK's headers", async () => {
    const response = await fetch(`${stack.proxy.url}/api/reports`, {
      method: "OPTIONS",
      headers: {
        Origin: ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, apiversion, content-type, x-requested-with",
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get("access-control-allow-origin"), ORIGIN);
    assert.match(response.headers.get("access-control-allow-methods") ?? "", /POST/);
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const name of ["authorization", "apiversion", "content-type", "x-requested-with"]) {
      assert.ok(allowed.includes(name), `allows ${name}`);
    }
  });

  test("a preflight from another origin is refused without a grant", async () => {
    const response = await fetch(`${stack.proxy.url}/api/reports`, {
      method: "OPTIONS",
      headers: { Origin: "http://evil.test", "Access-Control-Request-Method": "POST" },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get("access-control-allow-origin"), null);
  });
});

describe("what reaches the API", () => {
  test("the caller's Authorization, cookies and other headers are never forwarded", async () => {
    // A stand-in API that records what it receives.
    const seen = [];
    const recorder = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ responseApiVersion: "V1", data: { totalCount: 0, fetchRange: "", complianceSummaryList: [] } }));
    });
    await new Promise((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    const upstreamUrl = `http://127.0.0.1:${recorder.address().port}`;
    const local = await startStack({ upstreamUrl });
    try {
      const response = await local.call("/api/compliance-summary?limit=1", {
        headers: { Cookie: "session=abc", "X-Forwarded-For": "6.6.6.6", "X-Custom": "caller", Origin: ORIGIN },
      });
      assert.equal(response.status, 200);
      assert.equal(seen.length, 1, "one upstream call");
      const headers = seen[0];
      assert.equal(headers.authorization, `Basic ${basic}`, "the proxy's own credentials, not the caller's token");
      assert.equal(headers.cookie, undefined);
      assert.equal(headers["x-custom"], undefined);
      assert.equal(headers["x-forwarded-for"], undefined);
      assert.equal(headers.origin, undefined);
      assert.equal(headers.apiversion, "V1");
    } finally {
      await local.close();
      recorder.close();
    }
  });
});

describe("secrets", () => {
  test("no answer or log line contains a credential", async () => {
    const responses = await Promise.all([
      stack.call("/api/compliance-summary?limit=2"),
      stack.call("/api/compliance-summary?ip=bad"),
      stack.call("/api/reports/424242/status"),
      stack.call("/api/reports", { method: "POST", body: "{}" }),
      fetch(`${stack.proxy.url}/api/report-data`),
    ]);
    const texts = await Promise.all(responses.map(async (r) => JSON.stringify([...r.headers]) + (await r.text())));
    const logs = stack.logs.join("");
    for (const secret of [PASSWORD, basic, TOKEN]) {
      for (const text of texts) assert.ok(!text.includes(secret), "no secret in an answer");
      assert.ok(!logs.includes(secret), "no secret in the Worker's log");
    }
  });

  test("wrong upstream credentials surface as a sanitised 401 from the API", async () => {
    const local = await startStack({ vars: { QUALYS_PASSWORD: "wrong-password-123" } });
    try {
      const response = await local.call("/api/report-data");
      assert.equal(response.status, 401);
      const text = await response.text();
      const { error } = JSON.parse(text);
      assert.equal(error.source, "api");
      assert.match(error.message, /QUALYS_PASSWORD/);
      assert.ok(!text.includes("wrong-password-123"), "the wrong password is not echoed");
      assert.equal((await local.emulator.stats()).requests, 1, "a 401 is never retried");
    } finally {
      await local.close();
    }
  });
});

describe("configuration", () => {
  test("a missing or refused setting answers 500 naming the variable, never its value", async () => {
    const cases = [
      [{ PROXY_TOKEN: "short" }, /PROXY_TOKEN/],
      [{ QUALYS_BASE_URL: "http://api.example.com" }, /QUALYS_BASE_URL/],
      [{ QUALYS_PASSWORD: "" }, /QUALYS_USERNAME and QUALYS_PASSWORD/],
    ];
    for (const [vars, named] of cases) {
      const local = await startStack({ vars });
      try {
        const response = await local.call("/api/report-data");
        assert.equal(response.status, 500, JSON.stringify(vars));
        const text = await response.text();
        const { error } = JSON.parse(text);
        assert.equal(error.kind, "misconfigured");
        assert.match(error.message, named);
        assert.ok(!text.includes(PASSWORD), "no secret in the answer");
        assert.equal((await local.emulator.stats()).requests, 0, "nothing was sent");
      } finally {
        await local.close();
      }
    }
  });
});

describe("request bodies", () => {
  test("a body over 1 MiB is refused with 413 and never sent", async () => {
    const before = (await stack.emulator.stats()).requests;
    const big = JSON.stringify({ yourName: "x".repeat(1024 * 1024), yourTitle: "Ms." });
    const declared = await stack.call("/api/reports", { method: "POST", body: big });
    assert.equal(declared.status, 413);
    assert.equal((await json(declared)).error.kind, "payloadTooLarge");

    // Chunked, without Content-Length: the count while reading catches it.
    const chunked = await stack.call("/api/reports", {
      method: "POST",
      body: new Blob([big]).stream(),
      duplex: "half",
    });
    assert.equal(chunked.status, 413);
    assert.equal((await stack.emulator.stats()).requests, before, "nothing reached the API");
  });
});

describe("path tricks", () => {
  test("encoded separators, dot segments, double slashes and odd ids never reach the API", async () => {
    const before = (await stack.emulator.stats()).requests;
    const paths = [
      "/api/reports/1%2F..%2Fx/status",
      "/api/reports/1%2f..%2f..%2fpci%2fcompliance%2fsummary/status",
      "/api/reports/%2e%2e/status",
      "/api/reports/1%5c..%5cx/status",
      "//api/compliance-summary",
      "/api//reports/1/status",
      "/api/reports/-1/status",
      "/api/reports/0/status",
      "/api/reports/1.5/status",
      "/api/reports/1e3/status",
      "/api/reports/0x10/status",
      "/api/reports/%31/status",
      "/api/reports/9007199254740992/status",
      "/api/reports/1%00/status",
      "/pci/reporting/download?reportId=1/../2&reportType=Executive",
      "/pci/reporting/download?reportId=-3&reportType=Executive",
    ];
    for (const path of paths) {
      const response = await rawRequest(stack.proxy.url, "GET", path, { Authorization: `Bearer ${TOKEN}` });
      assert.ok(response.status >= 400 && response.status < 500, `${path} answered ${response.status}`);
    }
    assert.equal((await stack.emulator.stats()).requests, before, "no trick reached the API");
  });

  test("raw dot segments are resolved before the Worker runs, into a route that is validated like any other", async () => {
    // workerd (like Cloudflare's edge) normalises `..` and `.` away, so the
    // Worker only ever sees the canonical path: nothing escapes its route.
    await stack.emulator.reset();
    for (const path of ["/api/reports/1/../2/status", "/api/reports/./2/status", "/api/x/../reports/2/status"]) {
      await rawRequest(stack.proxy.url, "GET", path, { Authorization: `Bearer ${TOKEN}` });
    }
    const { byPath } = await stack.emulator.stats();
    assert.deepEqual(Object.keys(byPath), ["/pci/reporting/2/status"], "only the canonical route reached the API");
  });
});

// Abuse of the proxy by a hostile caller, beyond the rules security.test.mjs
// checks: tokens in the wrong places, origins that only look allowed, paths
// encoded twice, bodies that lie about their size, methods in disguise,
// headers folded or doubled at the byte level, and attempts to point the
// proxy at another API. Every case must be refused without an upstream call,
// and the proxy must still serve a normal request afterwards.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { connect } from "node:net";
import { after, before, describe, test } from "node:test";
import { ORIGIN, TOKEN, json, rawRequest, startStack } from "./helpers.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.close());

const AUTH = `Bearer ${TOKEN}`;
let refused = 0;

/** Upstream calls the emulator has served so far. */
async function upstreamCalls() {
  return (await stack.emulator.stats()).requests;
}

/** Runs `body` and asserts that the API was never called while it ran. */
async function noUpstreamCall(body) {
  const before = await upstreamCalls();
  await body();
  assert.equal(await upstreamCalls(), before, "nothing reached the API");
}

/**
 * A refusal: a 4xx, a 501 for a method the runtime does not know, or, for
 * bytes no HTTP parser should accept, a closed connection.
 */
function assertRefused(status, what) {
  assert.ok(status === 0 || status === 501 || (status >= 400 && status < 500), `${what} answered ${status}`);
  refused += 1;
}

/**
 * workerd (in Miniflare) answers some malformed heads itself with a bare
 * `500 Internal Server Error` before the Worker runs. That is the runtime's
 * refusal, told apart from the proxy's own answers, which are always JSON.
 */
function refusedByTheRuntime({ status, raw }) {
  return status === 500 && raw.endsWith("\r\n\r\nInternal Server Error");
}

/**
 * Sends `text` byte for byte on a fresh connection and resolves to the answer's
 * status (0 when the connection closed without one) and raw text. fetch() and
 * http.request() refuse to send the malformed heads these tests need.
 */
function rawExchange(text) {
  const { hostname, port } = new URL(stack.proxy.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(text));
    const chunks = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      // One answer is all these tests read; do not wait for keep-alive to end.
      if (/\r\n\r\n/.test(Buffer.concat(chunks).toString("latin1"))) socket.end();
    });
    socket.on("error", (error) => (error.code === "ECONNRESET" ? socket.destroy() : reject(error)));
    socket.on("close", () => {
      const raw = Buffer.concat(chunks).toString("latin1");
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0), raw });
    });
  });
}

/** A request head with CRLF line ends; `lines` are header lines as sent. */
function head(requestLine, lines) {
  const { host } = new URL(stack.proxy.url);
  return [requestLine, `Host: ${host}`, ...lines, "Connection: close", "", ""].join("\r\n");
}

describe("the proxy token in the wrong place or shape", () => {
  test("a token anywhere but Authorization: Bearer is refused", () =>
    noUpstreamCall(async () => {
      const path = "/api/compliance-summary?limit=1";
      const cases = [
        [`${path}&access_token=${TOKEN}`, {}],
        [path, { Cookie: `token=${TOKEN}` }],
        [path, { "X-Proxy-Token": TOKEN }],
        [path, { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` }],
        [path, { Authorization: "Bearer" }],
        [path, { Authorization: `Bearer ${TOKEN} ${TOKEN}` }],
        [path, { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
        [path, { Authorization: `Bearer ${TOKEN.toUpperCase()}` }],
        [path, { Authorization: `Token ${TOKEN}` }],
        [path, { Authorization: `Bearer ${"A".repeat(8 * 1024)}` }],
      ];
      for (const [url, headers] of cases) {
        const response = await fetch(stack.proxy.url + url, { headers });
        assertRefused(response.status, `${url} with ${JSON.stringify(headers).slice(0, 80)}`);
        await response.body?.cancel();
      }
    }));

  test("a second Authorization header, before or after the right one, is refused", () =>
    noUpstreamCall(async () => {
      const line = "GET /api/compliance-summary?limit=1 HTTP/1.1";
      for (const pair of [
        [`Authorization: ${AUTH}`, "Authorization: Bearer wrong-token-0123456789"],
        ["Authorization: Bearer wrong-token-0123456789", `Authorization: ${AUTH}`],
        [`Authorization: ${AUTH}`, `Authorization: ${AUTH}`],
      ]) {
        const { status } = await rawExchange(head(line, pair));
        assertRefused(status, pair.join(" + "));
      }
    }));
});

describe("origins that only look allowed", () => {
  test("no near miss of an allowed origin gets a CORS grant or a preflight", async () => {
    const lookalikes = [
      "null",
      `${ORIGIN}.evil.test`,
      `http://evil.${new URL(ORIGIN).host}`,
      `${ORIGIN}/`,
      `${ORIGIN}:80`,
      ORIGIN.toUpperCase(),
      ORIGIN.replace("http:", "https:"),
      `${ORIGIN}, http://evil.test`,
      `http://evil.test/${ORIGIN}`,
    ];
    for (const origin of lookalikes) {
      const simple = await stack.call("/api/compliance-summary?limit=1", { headers: { Origin: origin } });
      assert.equal(simple.headers.get("access-control-allow-origin"), null, `${origin} was granted`);
      await simple.body?.cancel();
      const preflight = await fetch(`${stack.proxy.url}/api/reports`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
      assert.equal(preflight.status, 403, `${origin} preflight`);
      assert.equal(preflight.headers.get("access-control-allow-origin"), null, `${origin} preflight grant`);
      refused += 1;
    }
  });
});

describe("paths encoded twice, or in other disguises", () => {
  test("double-encoded, overlong and look-alike traversals never reach the API", () =>
    noUpstreamCall(async () => {
      const paths = [
        "/api/reports/%252e%252e/status",
        "/api/reports/1%252F..%252Fx/status",
        "/api/reports/%252e%252e%252fpci%252fcompliance%252fsummary/status",
        "/api/reports/%25%32%65%25%32%65/status",
        "/api/reports/%2E%2E/status",
        "/api/reports/%c0%ae%c0%ae/status",
        "/api/reports/%ef%bc%8e%ef%bc%8e/status",
        "/api/reports/..%3b/status",
        "/api/reports/1;x=y/status",
        "/api/reports/1%3Fx=y/status",
        "/api/reports/1%23frag/status",
        "/api/reports/1%0d%0aX-Evil:%201/status",
        "/api/reports/1%20/status",
        "/api/reports/%e2%80%ae1/status",
        "/pci/reporting/download?reportId=%252e%252e&reportType=Executive",
        "/pci/reporting/download?reportId=1%26reportType%3DTechnical&reportType=Executive",
        "/pci/reporting/download?reportId=1&reportId=2&reportType=Executive",
        "/api/reports/1/download?type=Executive&type=Technical",
        "/api/compliance-summary?limit=1&limit=1000",
        "/api/compliance-summary?IP=1.1.1.1&ip=2.2.2.2",
        "/api/compliance-summary?ip=1.1.1.1%0d%0aX-Evil:%201",
        "/api/compliance-summary?dns=a.com%2f..%2fx",
      ];
      for (const path of paths) {
        const response = await rawRequest(stack.proxy.url, "GET", path, { Authorization: AUTH });
        assertRefused(response.status, path);
      }
    }));
});

describe("bodies that are too large or lie about their size", () => {
  test("an oversized body on the vendor's submit path and on a route without a body is refused", () =>
    noUpstreamCall(async () => {
      const big = JSON.stringify({ yourName: "x".repeat(1024 * 1024), yourTitle: "Ms." });
      for (const [method, path] of [
        ["POST", "/pci/reporting/reportGeneration/submit"],
        ["PUT", "/api/reports/1/review"],
        ["PUT", "/pci/reporting/1/requestReview"],
      ]) {
        const response = await stack.call(path, { method, body: big });
        assert.equal(response.status, 413, `${method} ${path}`);
        assert.equal((await json(response)).error.kind, "payloadTooLarge");
        refused += 1;
      }
    }));

  test("a declared length of a terabyte is refused before the body arrives", () =>
    noUpstreamCall(async () => {
      const lines = [`Authorization: ${AUTH}`, "Content-Type: application/json", "Content-Length: 1099511627776"];
      const { status } = await rawExchange(head("POST /api/reports HTTP/1.1", lines) + '{"yourName":');
      assert.equal(status, 413, "refused on the declared length alone");
      refused += 1;
    }));

  test("a body longer than its declared length is cut there and refused as bad JSON", () =>
    noUpstreamCall(async () => {
      const body = JSON.stringify({ yourName: "Ada", yourTitle: "Ms." });
      const lines = [`Authorization: ${AUTH}`, "Content-Type: application/json", "Content-Length: 10"];
      const { status } = await rawExchange(head("POST /api/reports HTTP/1.1", lines) + body);
      assertRefused(status, "a body past its Content-Length");
    }));

  test("a malformed or conflicting length is refused", () =>
    noUpstreamCall(async () => {
      const base = [`Authorization: ${AUTH}`, "Content-Type: application/json"];
      // workerd answers the first three itself; with both headers it reads
      // the body as chunked (as RFC 9112 says) and the proxy sees `{}`.
      for (const [lengths, body] of [
        [["Content-Length: -1"], "{}"],
        [["Content-Length: 1e3"], "{}"],
        [["Content-Length: 5", "Content-Length: 50"], "{}"],
        [["Content-Length: 5", "Transfer-Encoding: chunked"], "2\r\n{}\r\n0\r\n\r\n"],
      ]) {
        const answer = await rawExchange(head("POST /api/reports HTTP/1.1", [...base, ...lengths]) + body);
        assertRefused(refusedByTheRuntime(answer) ? 400 : answer.status, lengths.join(" + "));
      }
    }));
});

describe("methods in disguise", () => {
  test("override headers and parameters do not change the method, and odd methods are refused", () =>
    noUpstreamCall(async () => {
      const cases = [
        ["GET", "/api/reports/1/review", { "X-HTTP-Method-Override": "PUT" }],
        ["GET", "/api/reports/1/review", { "X-HTTP-Method": "PUT", "X-Method-Override": "PUT" }],
        ["GET", "/api/reports/1/review?_method=PUT", {}],
        ["POST", "/api/reports/1/review", { "X-HTTP-Method-Override": "PUT" }],
        ["GET", "/api/reports", { "X-HTTP-Method-Override": "POST" }],
        ["DELETE", "/api/reports/1/status", {}],
        ["PATCH", "/api/reports/1/review", {}],
        ["TRACE", "/api/compliance-summary", {}],
        ["PROPFIND", "/api/compliance-summary", {}],
      ];
      for (const [method, path, headers] of cases) {
        const response = await rawRequest(stack.proxy.url, method, path, { Authorization: AUTH, ...headers });
        assertRefused(response.status, `${method} ${path} ${JSON.stringify(headers)}`);
      }
      const { status } = await rawExchange(head("get /api/compliance-summary?limit=1 HTTP/1.1", [`Authorization: ${AUTH}`]));
      assertRefused(status, "a lower-case method");
    }));
});

describe("header smuggling at the byte level", () => {
  test("a token that only appears on a folded continuation line is refused", () =>
    noUpstreamCall(async () => {
      const lines = ["X-Note: a", ` Authorization: ${AUTH}`];
      const { status } = await rawExchange(head("GET /api/compliance-summary?limit=1 HTTP/1.1", lines));
      assertRefused(status, "a folded Authorization line");
    }));

  test("no header a caller smuggles with folding, bare CR, NUL or CR/LF in a field reaches the API", async () => {
    // workerd reads a bare CR as a line end and accepts a space before the
    // colon (RFC 9112 asks for a 400 there), so some of these heads are
    // served. What the proxy guarantees is the part checked: the API only
    // ever sees the proxy's own headers.
    const before = await upstreamCalls();
    const heads = [
      [`Authorization: ${AUTH}`, "X-Note: a", " X-Evil: folded"],
      [`Authorization: ${AUTH}`, "X-Note: a\rX-Evil: bare-cr"],
      [`Authorization: ${AUTH}`, "X-Note: a\0X-Evil: nul"],
      [`Authorization : ${AUTH}`, "X-Evil : spaced"],
    ];
    for (const [i, lines] of heads.entries()) {
      // A distinct query each time, so that no answer comes from the cache.
      const { status } = await rawExchange(head(`GET /api/compliance-summary?limit=${i + 2} HTTP/1.1`, lines));
      assert.ok(status === 0 || status < 500, `${JSON.stringify(lines)} answered ${status}`);
    }
    const submission = { yourName: "Ada\r\nX-Evil: 1", yourTitle: "Ms.\r\n\r\nGET / HTTP/1.1" };
    const submitted = await stack.call("/api/reports", { method: "POST", body: JSON.stringify(submission) });
    assert.ok(submitted.status < 500, `a submission with CR/LF in its fields answered ${submitted.status}`);
    await submitted.body?.cancel();

    const sent = (await upstreamCalls()) - before;
    const journal = await (await fetch(`${stack.emulator.url}/__emulator/requests?limit=${Math.max(sent, 1)}`)).json();
    const records = (Array.isArray(journal) ? journal : journal.requests).slice(-sent);
    for (const record of records) {
      const names = Object.keys(record.headers ?? {}).map((name) => name.toLowerCase());
      assert.ok(!names.includes("x-evil") && !names.includes("x-note"), `a caller's header reached the API: ${names}`);
      assert.equal(record.authScheme, "Basic", "the API sees the proxy's own credentials only");
    }
    refused += heads.length + 1;
  });
});

describe("attempts to point the proxy at another API", () => {
  test("no parameter, header, Host or absolute target makes the proxy call another host", async () => {
    const seen = [];
    const evil = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.end("{}");
    });
    await new Promise((resolve) => evil.listen(0, "127.0.0.1", resolve));
    const evilUrl = `http://127.0.0.1:${evil.address().port}`;
    const evilHost = new URL(evilUrl).host;
    try {
      const path = "/api/compliance-summary?limit=1";
      const cases = [
        ["GET", `${path}&baseUrl=${encodeURIComponent(evilUrl)}`, {}],
        ["GET", `/api/report-data?baseUrl=${encodeURIComponent(evilUrl)}`, {}],
        ["GET", `/pci/reporting/download?reportId=1&reportType=Executive&baseUrl=${encodeURIComponent(evilUrl)}`, {}],
        ["GET", path, { "X-Qualys-Base-Url": evilUrl, "X-Forwarded-Host": evilHost, Forwarded: `host=${evilHost}` }],
        ["GET", path, { "X-Original-URL": `${evilUrl}/x`, "X-Rewrite-URL": `${evilUrl}/x` }],
        ["GET", path, { Host: evilHost }],
        ["GET", `//${evilHost}/pci/compliance/summary`, {}],
        ["GET", `/api/compliance-summary@${evilHost}`, {}],
      ];
      for (const [method, target, headers] of cases) {
        const response = await rawRequest(stack.proxy.url, method, target, { Authorization: AUTH, ...headers });
        // Ignored (a normal answer from the real API) or refused; never forwarded.
        assert.ok(response.status < 500, `${method} ${target} answered ${response.status}`);
        refused += 1;
      }
      const submission = { yourName: "Ada", yourTitle: "Ms.", baseUrl: evilUrl };
      const submitted = await stack.call("/api/reports", { method: "POST", body: JSON.stringify(submission) });
      assert.ok(submitted.status < 500, `a submission naming a baseUrl answered ${submitted.status}`);
      await submitted.body?.cancel();
      refused += 1;
      const absolute = await rawExchange(head(`GET ${evilUrl}${path} HTTP/1.1`, [`Authorization: ${AUTH}`]));
      const ok = absolute.status < 500 || refusedByTheRuntime(absolute);
      assert.ok(ok, `an absolute-form target answered ${absolute.status}`);
      refused += 1;
      assert.deepEqual(seen, [], "the other host was never called");
    } finally {
      evil.close();
    }
  });
});

describe("after all of the above", () => {
  test("the same proxy still serves a normal request", async (t) => {
    const response = await stack.call("/api/compliance-summary?limit=1");
    assert.equal(response.status, 200);
    assert.equal((await json(response)).data.fetchRange, "1-1");
    t.diagnostic(`abuse cases refused or ignored: ${refused}`);
    console.log(`abuse cases refused or ignored: ${refused}`);
  });
});

// The whole report workflow through the proxy, once with plain HTTP and once
// with the SDK itself using the proxy as its baseUrl (as the dashboard does).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PciClient } from "qualys-pci";
import { TOKEN, json, startStack } from "./helpers.mjs";

let stack;
before(async () => {
  stack = await startStack({
    emulatorArgs: ["--report-step-ms", "300"],
    vars: { STATUS_POLL_INTERVAL_SEC: "1", CACHE_TTL_STATUS_SEC: "1" },
  });
});
after(() => stack?.close());

async function pollUntil(id, wanted, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const seen = [];
  while (Date.now() < deadline) {
    const { data } = await json(await stack.call(`/api/reports/${id}/status`));
    if (seen.at(-1) !== data.status) seen.push(data.status);
    if (data.status === wanted) return seen;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`report ${id} never reached ${wanted}; saw ${seen.join(" -> ")}`);
}

test("fetch, justify, submit, watch, download, review, attest: over plain HTTP", async () => {
  const { data } = await json(await stack.call("/api/report-data"));
  const submission = {
    specialNotes: data.specialNotes.map((note) => ({ ...note, comment: "Behind the VPN; reviewed quarterly." })),
    nonCompliantAssets: data.nonCompliantAssets.map((asset) => ({ ...asset, merchantComment: "Patch scheduled." })),
    yourName: "Grace Hopper",
    yourTitle: "Ms.",
    notActiveIps: "10.0.0.1-10.0.0.9",
    submissionTitle: "Q3 attestation",
  };
  const submitted = await stack.call("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(submission),
  });
  assert.equal(submitted.status, 200);
  const { id } = (await json(submitted)).data;

  const seen = await pollUntil(id, "Generated");
  assert.equal(seen.at(-1), "Generated", `the lifecycle as seen: ${seen.join(" -> ")}`);

  for (const type of ["Executive", "Technical"]) {
    const pdf = await stack.call(`/api/reports/${id}/download?type=${type}`);
    assert.equal(pdf.status, 200, type);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString(), "%PDF", type);
  }

  const review = await stack.call(`/api/reports/${id}/review`, { method: "PUT" });
  assert.equal(review.status, 200);
  // The review drops the cached "Generated", so this is fresh.
  const pending = (await json(await stack.call(`/api/reports/${id}/status`))).data.status;
  assert.equal(pending, "Pending Review");

  await stack.emulator.act(id, "attest");
  await pollUntil(id, "Attested", 5_000);
});

test("the SDK works with the proxy as its baseUrl, without credentials", async () => {
  const client = new PciClient({ baseUrl: stack.proxy.url, headers: { Authorization: `Bearer ${TOKEN}` } });

  const page = await client.complianceSummary({ limit: 20, complianceStatus: "Fail", sortBy: "dns" });
  assert.equal(page.complianceSummaryList.length, 20);

  const data = await client.fetchReportData();
  const { id } = await client.submitReport({
    specialNotes: data.specialNotes,
    nonCompliantAssets: data.nonCompliantAssets,
    yourName: "Katherine Johnson",
    yourTitle: "Dr.",
  });
  const statuses = [];
  const final = await client.waitForReport(id, { intervalMs: 250, timeoutMs: 15_000, onStatus: (s) => statuses.push(s.status) });
  assert.equal(final.status, "Generated", `statuses seen: ${statuses.join(", ")}`);

  const file = await client.downloadReport(id, "Executive");
  assert.match(file.name, /\.pdf$/);
  assert.equal(Buffer.from(await file.slice(0, 4).arrayBuffer()).toString(), "%PDF");

  const reviewed = await client.requestReview(id);
  assert.equal(reviewed.id, id);

  await assert.rejects(client.reportStatus(987654321), (error) => {
    assert.equal(error.name, "PciError");
    assert.equal(error.kind, "notFound");
    return true;
  });
});

test("the SDK sees the proxy's refusal as unauthorized, with the proxy's advice in its body", async () => {
  const client = new PciClient({ baseUrl: stack.proxy.url, headers: { Authorization: "Bearer nope-nope-nope-nope" } });
  await assert.rejects(client.fetchReportData(), (error) => {
    assert.equal(error.kind, "unauthorized");
    assert.match(error.body ?? "", /PROXY_TOKEN/);
    return true;
  });
});

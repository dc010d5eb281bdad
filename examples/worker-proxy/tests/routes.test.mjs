// Every route, at its /api path and at the vendor's path, with its validation.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { json, startStack } from "./helpers.mjs";

let stack;
before(async () => {
  stack = await startStack({ emulatorArgs: ["--report-step-ms", "0"] });
});
after(() => stack?.close());

describe("compliance summary", () => {
  test("answers a page in the vendor's envelope with its total count", async () => {
    const response = await stack.call("/api/compliance-summary?limit=10&offset=1&sortBy=ip&sortOrder=ASC");
    assert.equal(response.status, 200);
    const body = await json(response);
    assert.equal(body.data.complianceSummaryList.length, 10, "a page of the asked size");
    assert.ok(body.data.totalCount > 10, "the total count of all assets");
    assert.equal(body.data.fetchRange, "1-10");
  });

  test("passes the status filter on", async () => {
    const body = await json(await stack.call("/api/compliance-summary?complianceStatus=Fail&limit=50"));
    assert.ok(body.data.complianceSummaryList.every((row) => row.complianceStatus === "Fail"), "only failing assets");
  });

  test("answers at both of the vendor's paths too, with its parameter spellings", async () => {
    for (const path of ["/pci/compliance/summary", "/pci/reporting/complianceSummary"]) {
      const response = await stack.call(`${path}?limit=5&ComplianceStatus=Pass`);
      assert.equal(response.status, 200, path);
      const body = await json(response);
      assert.ok(body.data.complianceSummaryList.every((row) => row.complianceStatus === "Pass"), path);
    }
  });

  test("refuses bad values with 400 naming the field, before any upstream call", async () => {
    const before = (await stack.emulator.stats()).requests;
    const cases = [
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["limit=ten", "limit"],
      ["offset=-1", "offset"],
      ["sortBy=size", "sortBy"],
      ["sortOrder=up", "sortOrder"],
      ["complianceStatus=pass", "complianceStatus"],
      ["ip=300.1.1.1", "ip"],
      ["dns=not_a%20host", "dns"],
      ["color=red", "color"],
      ["limit=5&limit=6", "limit"],
    ];
    for (const [query, field] of cases) {
      const response = await stack.call(`/api/compliance-summary?${query}`);
      assert.equal(response.status, 400, query);
      const { error } = await json(response);
      assert.equal(error.kind, "invalidInput", query);
      assert.equal(error.field, field, `${query} names ${field}`);
      assert.equal(typeof error.message, "string");
    }
    assert.equal((await stack.emulator.stats()).requests, before, "no bad query reached the API");
  });
});

describe("report data", () => {
  test("answers the special notes and non-compliant assets", async () => {
    for (const path of ["/api/report-data", "/pci/reporting/reportGeneration/fetch"]) {
      const response = await stack.call(path);
      assert.equal(response.status, 200, path);
      const { data } = await json(response);
      assert.ok(Array.isArray(data.specialNotes) && data.specialNotes.length > 0, "special notes");
      assert.ok(Array.isArray(data.nonCompliantAssets) && data.nonCompliantAssets.length > 0, "assets");
    }
  });

  test("refuses parameters", async () => {
    const response = await stack.call("/api/report-data?x=1");
    assert.equal(response.status, 400);
  });
});

describe("reports", () => {
  let id;

  test("a submission answers the new report's id", async () => {
    const response = await stack.call("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yourName: "Ada Lovelace", yourTitle: "Ms." }),
    });
    assert.equal(response.status, 200);
    const { data } = await json(response);
    assert.ok(Number.isInteger(data.id) && data.id > 0, "an id");
    id = data.id;
  });

  test("a submission without a name is refused with 400 naming yourName", async () => {
    const response = await stack.call("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ yourName: " ", yourTitle: "Ms." }),
    });
    assert.equal(response.status, 400);
    assert.equal((await json(response)).error.field, "yourName");
  });

  test("a submission that is not JSON is refused with 400", async () => {
    const response = await stack.call("/api/reports", { method: "POST", body: "{not json" });
    assert.equal(response.status, 400);
    assert.equal((await json(response)).error.field, "body");
  });

  test("the status answers at both paths", async () => {
    for (const path of [`/api/reports/${id}/status`, `/pci/reporting/${id}/status`]) {
      const response = await stack.call(path);
      assert.equal(response.status, 200, path);
      assert.equal((await json(response)).data.id, id);
    }
  });

  test("an unknown report keeps the API's 404", async () => {
    const response = await stack.call("/api/reports/999999/status");
    assert.equal(response.status, 404);
    const { error } = await json(response);
    assert.equal(error.kind, "notFound");
    assert.equal(error.source, "api");
  });

  test("the download streams the PDF with its type and file name, at both paths", async () => {
    for (const path of [
      `/api/reports/${id}/download?type=Technical`,
      `/pci/reporting/download?reportId=${id}&reportType=Technical`,
    ]) {
      const response = await stack.call(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("content-type"), "application/pdf");
      assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="[^"]+\.pdf"$/);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.subarray(0, 4).toString(), "%PDF", "a PDF");
    }
  });

  test("a download needs an exact report type", async () => {
    for (const query of ["", "?type=executive", "?type=Executive&x=1"]) {
      const response = await stack.call(`/api/reports/${id}/download${query}`);
      assert.equal(response.status, 400, query);
    }
  });

  test("a review request answers at both paths, and the second one conflicts", async () => {
    const first = await stack.call(`/api/reports/${id}/review`, { method: "PUT" });
    assert.equal(first.status, 200);
    assert.match((await json(first)).data.status, /Attestation request successful/);
    const second = await stack.call(`/pci/reporting/${id}/requestReview`, { method: "PUT" });
    assert.equal(second.status, 409, "Pending Review cannot be reviewed again");
    assert.equal((await json(second)).error.kind, "conflict");
  });
});

describe("everything else", () => {
  test("unknown paths answer 404", async () => {
    for (const path of ["/", "/api", "/api/reports/1", "/pci/reporting/1/delete", "/__emulator/stats"]) {
      const response = await stack.call(path);
      assert.equal(response.status, 404, path);
      assert.equal((await json(response)).error.kind, "notFound");
    }
  });

  test("wrong methods answer 405 with Allow-like advice", async () => {
    const cases = [
      ["DELETE", "/api/compliance-summary"],
      ["POST", "/api/report-data"],
      ["GET", "/api/reports"],
      ["POST", "/api/reports/1/status"],
      ["GET", "/api/reports/1/review"],
      ["PATCH", "/api/reports/1/review"],
    ];
    for (const [method, path] of cases) {
      const response = await stack.call(path, { method });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal((await json(response)).error.kind, "methodNotAllowed");
    }
  });
});

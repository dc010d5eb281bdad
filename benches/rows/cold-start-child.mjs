// One cold start, run in a fresh Node process by cold-start.mjs: import the
// client (the SDK from pkg/, or the baseline), build it, make one call with
// fetch answered from memory, and print the times in ms as JSON.

import { performance } from "node:perf_hooks";
import { summaryPage } from "../lib/fixtures.mjs";
import { answerFromMemory, CREDENTIALS, PKG } from "../lib/setup.mjs";

const which = process.argv[2];
answerFromMemory(summaryPage({ rows: 100 }));

const ready = performance.now();
const { PciClient, BaselineClient } =
  which === "sdk" ? await import(`${PKG}node.js`) : await import("../baseline/client.mjs");
const Client = PciClient ?? BaselineClient;
const client = new Client({ baseUrl: "http://127.0.0.1:9", ...CREDENTIALS });
const page = await client.complianceSummary({ limit: 100 });
const done = performance.now();

if (page.complianceSummaryList.length !== 100) throw new Error(`${which}: the first call returned the wrong page`);
// sinceStart counts from the process's own start (Node's boot included).
console.log(JSON.stringify({ sinceStart: done, importAndCall: done - ready }));

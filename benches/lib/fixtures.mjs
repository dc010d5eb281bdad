// Response bodies for the decode benchmarks, generated from a fixed seed so
// that every run decodes the same bytes. Their shapes follow what the
// emulator serves: the same fields, null where it prints null, ids as strings.

/** A small deterministic generator (xorshift32); `next(n)` is an integer in [0, n). */
function random(seed) {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const pick = (next, list) => list[next(list.length)];

function address(next) {
  return `${10 + next(200)}.${next(256)}.${next(256)}.${1 + next(254)}`;
}

function hostname(next, ip) {
  const zone = pick(next, ["pos", "pay", "compute", "corp"]);
  return next(3) === 0 ? `host-${next(10000)}.${zone}.example.net` : `ip-${ip.replaceAll(".", "-")}.${zone}.example.net`;
}

function envelope(data) {
  return JSON.stringify({ responseApiVersion: "LATEST - V1", data });
}

/** One compliance summary page of `rows` assets out of `total`, starting at `offset`. */
export function summaryPage({ rows, total = 100_000, offset = 1, seed = 7 }) {
  const next = random(seed);
  const list = Array.from({ length: rows }, () => {
    const ip = address(next);
    return { ip, dns: next(10) === 0 ? null : hostname(next, ip), complianceStatus: next(5) === 0 ? "Fail" : "Pass" };
  });
  const fetchRange = rows > 0 ? `${offset}-${offset + rows - 1}` : "";
  return envelope({ totalCount: total, fetchRange, complianceSummaryList: list });
}

const NOTES = [
  ["Remote Access", "38739", "Secure Shell Service Detected", 22, "tcp"],
  ["Remote Access", "82003", "Remote Desktop Protocol Service Detected", 3389, "tcp"],
  ["Anti-virus software", "105489", "Anti-Malware Agent Not Found", null, null],
  ["Unknown services", "82023", "Open TCP Services List", null, null],
  ["POS software", "45017", "Point of Sale Software Detected", 443, "tcp"],
];

const ADVICE = [
  "Upgrade the web server to a supported release.",
  "Disable weak TLS protocol versions and ciphers.",
  "Change built-in or default account passwords.",
  "Apply the vendor's cumulative security update.",
  "Restrict the management interface to trusted networks.",
];

const PATCHES = [
  { urlText: "Web server update", url: "https://vendor.example.com/updates/httpd" },
  { urlText: "Operating system rollup", url: null },
  { urlText: "TLS library fix", url: "https://vendor.example.com/advisories/tls-2026-04" },
];

/** Report generation data with `notes` special notes and `assets` non-compliant assets. */
export function reportData({ notes, assets, seed = 11 }) {
  const next = random(seed);
  const specialNotes = Array.from({ length: notes }, (_, i) => {
    const ip = address(next);
    const [specialNote, qid, title, port, protocol] = pick(next, NOTES);
    return {
      id: String(1_231_000 + 17 * i), ip, dns: hostname(next, ip), specialNote, qid, title, port, protocol,
      securelyImplemented: "false", comment: "",
    };
  });
  const nonCompliantAssets = Array.from({ length: assets }, () => {
    const ip = address(next);
    return {
      ip, dns: next(10) === 0 ? null : hostname(next, ip),
      vulnHigh: next(4), vulnMed: next(20), vulnLow: next(60),
      asvComment: Array.from({ length: 2 + next(3) }, () => pick(next, ADVICE)).join(" "),
      sslComment: next(2) ? "The certificate is self-signed." : null,
      patches: PATCHES.slice(next(2), 2 + next(2)),
      merchantComment: "",
    };
  });
  return envelope({ specialNotes, nonCompliantAssets });
}

// Check 2 of the contract: compiles sdk-types.ts with `tsc --strict` against
// the package's declarations and the types openapi-typescript generates from
// a spec.
//
// Usage: node tests/contract/sdk-types.mjs [SPEC]
//   SPEC                 default openapi/pci-merchant.yaml
//   QUALYS_PCI_TYPES     the package's .d.ts; default: the "types" of pkg/package.json
// Exits 0 when the types agree; otherwise prints tsc's errors and exits 1.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tools = join(root, "openapi", "node_modules", ".bin");
const spec = resolve(process.argv[2] ?? join(root, "openapi", "pci-merchant.yaml"));

function fail(message) {
  console.error(`sdk-types: ${message}`);
  process.exit(1);
}

function packageTypes() {
  if (process.env.QUALYS_PCI_TYPES) return resolve(process.env.QUALYS_PCI_TYPES);
  const manifest = join(root, "pkg", "package.json");
  if (!existsSync(manifest)) fail("pkg/package.json is missing: build the package with `make pkg`");
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  const types = pkg.types ?? pkg.typings ?? pkg.exports?.["."]?.types;
  if (typeof types !== "string") fail("pkg/package.json names no top-level \"types\"");
  return join(root, "pkg", types);
}

const declarations = packageTypes();
if (!existsSync(declarations)) fail(`${declarations} is missing: build the package with \`make pkg\``);
for (const tool of ["openapi-typescript", "tsc"]) {
  if (!existsSync(join(tools, tool))) fail(`${tool} is missing: run \`npm ci --prefix openapi\``);
}

const work = mkdtempSync(join(tmpdir(), "qualys-pci-contract-"));
try {
  const generated = join(work, "pci-merchant-spec.d.ts");
  execFileSync(join(tools, "openapi-typescript"), [spec, "--output", generated, "--silent"], {
    stdio: ["ignore", "ignore", "inherit"],
  });

  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM"],
      // The package's own declarations are checked by its own tests; here only
      // the comparison matters.
      skipLibCheck: true,
      types: [],
      paths: { "qualys-pci": [declarations], "pci-merchant-spec": [generated] },
    },
    files: [join(root, "tests", "contract", "sdk-types.ts")],
  };
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));

  try {
    execFileSync(join(tools, "tsc"), ["--project", join(work, "tsconfig.json"), "--pretty", "false"], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ""}${error.stderr ?? ""}`);
    fail(`the package's types differ from ${spec}`);
  }
  console.log(`the package's types agree with ${spec}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

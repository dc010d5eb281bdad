// Refreshes docs/dashboard.png, the README's picture, from the overview that
// the dashboard's browser test saves (run `make demo-check` first). A 64-colour
// palette keeps the text sharp and the file small.
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = fileURLToPath(new URL("../../", import.meta.url));
const source = `${root}target/screenshots/dashboard-overview.png`;
const target = `${root}docs/dashboard.png`;
const MAX_BYTES = 150 * 1024;

await sharp(source).png({ palette: true, colors: 64, compressionLevel: 9, effort: 10 }).toFile(target);
const size = statSync(target).size;
if (size > MAX_BYTES) {
  console.error(`readme-screenshot: ${target} is ${size} bytes, over ${MAX_BYTES}`);
  process.exit(1);
}
console.log(`readme-screenshot: wrote ${target} (${Math.round(size / 1024)} KiB)`);

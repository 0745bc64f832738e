// Bundle sigma.js and graphology (as installed by `npm ci`) into exports/vendor/, with the
// versions, licences and sha256 of what was bundled. Run through ./rebuild.sh.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "..", "exports", "vendor");
const NAME = "sigma-graphology";

const result = await esbuild.build({
  entryPoints: [join(here, "entry.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none", // the licences go, whole, in the LICENSE file beside the bundle
  metafile: true,
  write: false,
});
const code = result.outputFiles[0].text;

// Every npm package with code in the bundle, found from the bundler's own list of inputs.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (match) packages.add(match[match.length - 1].slice("node_modules/".length, -1));
}
const bundled = [...packages].sort().map(name => {
  const folder = join(here, "node_modules", name);
  const meta = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const licenceFile = ["LICENSE", "LICENSE.txt", "LICENSE.md", "license"].map(file => join(folder, file))
    .find(path => { try { readFileSync(path); return true; } catch { return false; } });
  if (!licenceFile) throw new Error(`${name}: no licence file`);
  return { name, version: meta.version, license: meta.license, text: readFileSync(licenceFile, "utf8").trim() };
});

const sha256 = createHash("sha256").update(code).digest("hex");
writeFileSync(join(vendor, `${NAME}.min.js`), code);
writeFileSync(join(vendor, `${NAME}.LICENSE.txt`), bundled.map(p =>
  `${p.name} ${p.version} (${p.license})\n${"=".repeat(40)}\n${p.text}\n`).join("\n"));
const esbuildVersion = JSON.parse(readFileSync(join(here, "node_modules", "esbuild", "package.json"), "utf8")).version;
writeFileSync(join(vendor, `${NAME}.json`), JSON.stringify({
  file: `${NAME}.min.js`,
  sha256,
  bytes: Buffer.byteLength(code),
  packages: Object.fromEntries(bundled.map(p => [p.name, { version: p.version, license: p.license }])),
  bundler: `esbuild ${esbuildVersion}`,
  rebuild: "tools/viewer/rebuild.sh",
}, null, 2) + "\n");
console.log(`${NAME}.min.js: ${Buffer.byteLength(code)} bytes, sha256 ${sha256}`);
console.log(bundled.map(p => `${p.name}@${p.version}`).join(", "));

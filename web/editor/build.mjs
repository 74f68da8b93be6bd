// Builds the editor bundle: web/editor/src/editor.js -> web/editor/dist/editor.js
// (one minified IIFE, no sourcemap, no other files). Run from anywhere:
//   node web/editor/build.mjs
import { build } from "esbuild";
import { readFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, "src", "editor.js");
const outfile = join(here, "dist", "editor.js");

export async function buildEditor({ quiet = false } = {}) {
  mkdirSync(dirname(outfile), { recursive: true });
  const t0 = Date.now();
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    minify: true,
    sourcemap: false,
    legalComments: "none",
    banner: { js: "/* Interleave editor. Bundles CodeMirror 6 and Lezer: MIT licence, (c) Marijn Haverbeke and others. */" },
    logLevel: "warning",
    absWorkingDir: here,
  });
  const buf = readFileSync(outfile);
  const gz = gzipSync(buf, { level: 9 }).length;
  if (!quiet) {
    console.log(
      `${relative(process.cwd(), outfile) || outfile}: ${(buf.length / 1024).toFixed(1)} KB raw, ` +
      `${(gz / 1024).toFixed(1)} KB gzip (${Date.now() - t0} ms)`,
    );
  }
  return { raw: buf.length, gzip: gz };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildEditor().catch((e) => { console.error(e?.message ?? e); process.exit(1); });
}

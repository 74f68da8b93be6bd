// Trunk post_build hook: copies the library packs (crates/interleave-vm/src/modules/packs.rs)
// that the worker's build wrote to interleave-vm's OUT_DIR into the site, as library/NAME.txt.
// The worker downloads a pack the first time a program imports one of its modules.
//
// Which OUT_DIR: cargo says, for the very build Trunk just ran (same command, so nothing is
// rebuilt), in its JSON messages.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) {
  console.error('copy-packs.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(2);
}
const args = ['build', '--target=wasm32-unknown-unknown', '--manifest-path', join(source, 'web/Cargo.toml'),
  '--bin', 'interleave-worker', '--offline', '--message-format=json'];
if (process.env.TRUNK_PROFILE === 'release') args.push('--release');
const messages = execFileSync('cargo', args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
const outDirs = messages.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
  .filter((m) => m.reason === 'build-script-executed' && /interleave-vm[#@]/.test(m.package_id))
  .map((m) => m.out_dir);
if (outDirs.length !== 1) {
  console.error(`copy-packs.mjs: expected one build of interleave-vm, cargo reported ${outDirs.length}`);
  process.exit(1);
}
const packs = join(outDirs[0], 'packs');
const dest = join(staging, 'library');
mkdirSync(dest, { recursive: true });
const names = readdirSync(packs).filter((f) => f.endsWith('.txt'));
for (const name of names) copyFileSync(join(packs, name), join(dest, name));
console.log(`library packs: ${names.join(', ')}`);

// Prints the bytes a first visit downloads for a page: the entry chunk, the page's lazy chunk
// and every chunk they import statically (raw and gzip). Usage: node scripts/first-load.mjs LoginPage
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = readdirSync(assets);
const seen = new Set();
function visit(name) {
  if (seen.has(name)) return;
  seen.add(name);
  if (!name.endsWith('.js')) return;
  const code = readFileSync(join(assets, name), 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+)["']/g)) visit(m[1]);
}
for (const m of html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)) visit(m[1]);
const entryOnly = new Set(seen);
for (const page of process.argv.slice(2)) {
  const file = files.find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
  if (file) visit(file);
}
let raw = 0;
let gz = 0;
let br = 0;
for (const name of [...seen].sort()) {
  const data = readFileSync(join(assets, name));
  const z = gzipSync(data, { level: 9 }).length;
  raw += data.length;
  gz += z;
  br += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(
    `${entryOnly.has(name) ? 'entry' : 'page '}  ${(data.length / 1024).toFixed(1).padStart(7)} kB  gzip ${(z / 1024).toFixed(1).padStart(6)} kB  ${name}`,
  );
}
console.log(
  `total  ${(raw / 1024).toFixed(1).padStart(7)} kB  gzip ${(gz / 1024).toFixed(1).padStart(6)} kB  brotli ${(br / 1024).toFixed(1)} kB`,
);

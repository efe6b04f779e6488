/// <reference types="node" />
/**
 * Build of the web app. The server serves `dist` with @fastify/static `preCompressed: true`, so
 * every text asset gets `.gz` and `.br` siblings here, once, at build time: cadres on a weak
 * village signal download the brotli file without the server compressing on each request.
 */

import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest)$/;
const MIN_BYTES = 1024;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Writes `<file>.gz` and `<file>.br` next to every compressible asset over 1 KB. */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'fupin-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      let count = 0;
      for await (const path of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(path) || (await stat(path)).size <= MIN_BYTES) continue;
        const data = await readFile(path);
        const [gz, br] = await Promise.all([
          gzipAsync(data, { level: 9 }),
          brotliAsync(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        ]);
        await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
        count++;
      }
      this.info?.(`precompressed ${count} files (.gz, .br)`);
    },
  };
}

/**
 * The service worker of public/sw.js with this build's file list written in (so it can precache the
 * app shell and every hashed asset: a reload with no network still opens any page), and the web
 * app manifest linked from index.html. The list is written before `precompress` runs (writeBundle
 * comes before closeBundle), so sw.js.br holds it too.
 */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  let publicDir = 'public';
  return {
    name: 'fupin-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/favicon.svg' }, injectTo: 'head' },
    ],
    async writeBundle(_options, bundle) {
      const publicFiles: string[] = [];
      for await (const path of filesUnder(publicDir)) publicFiles.push(relative(publicDir, path).split(sep).join('/'));
      const files = [...Object.keys(bundle), ...publicFiles]
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js')
        .map((f) => `/${f}`)
        .sort();
      const version = createHash('sha256')
        .update(files.join('\n'))
        .update(await readFile(join(outDir, 'index.html')))
        .digest('hex')
        .slice(0, 12);
      const path = join(outDir, 'sw.js');
      const source = (await readFile(path, 'utf8'))
        .replace('self.__FUPIN_PRECACHE__', JSON.stringify(files))
        .replace('self.__FUPIN_VERSION__', JSON.stringify(version));
      await writeFile(path, source);
      this.info?.(`service worker: ${files.length} files to precache, version ${version}`);
    },
  };
}

/** Third-party code that every page needs and that changes only on upgrades: its own cached chunk. */
const FRAMEWORK = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/;

export default defineConfig({
  plugins: [react(), serviceWorker(), precompress()],
  server: {
    port: 5173,
    // FUPIN_DEV_API points at another server. Host stays localhost:5173, matching the Origin the browser sends: the server refuses
    // writes whose Origin is another host.
    proxy: { '/api': { target: process.env.FUPIN_DEV_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // @fupin/domain is pure by rule (ARCHITECTURE.md) but its package.json does not say so, and
      // its index re-exports zod schemas: without this the login page would carry all of zod.
      treeshake: {
        moduleSideEffects: (id) => (/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          groups: [{ name: 'framework', test: FRAMEWORK, priority: 10 }],
        },
      },
    },
  },
});

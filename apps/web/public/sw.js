/*
 * Fupin's service worker: the app opens with no network (cadres in villages with no signal).
 * - Install: precaches the app shell and every hashed asset of this build (the list is written
 *   into this file by the build, see `serviceWorker()` in vite.config.ts).
 * - Pages: network first (4 s), else the cached shell; the router draws the page.
 * - /assets/*: cache first (their names change with their content).
 * - The few GETs the visit pages need offline (/api/me, /api/units, the current campaign, the
 *   tasks payload): network first (6 s), else the last answer. Logging in or out clears them.
 * - Everything else (all writes, other API reads) goes to the network untouched: the visit forms
 *   themselves wait in the app's IndexedDB outbox, not here.
 */
/* global self, caches, fetch, URL, Response */
const PRECACHE = self.__FUPIN_PRECACHE__ || [];
const VERSION = self.__FUPIN_VERSION__ || 'dev';
const SHELL = `fupin-shell-${VERSION}`;
const API = 'fupin-api-v1';
const API_CACHED = [/^\/api\/me$/, /^\/api\/units$/, /^\/api\/campaigns\/current$/, /^\/api\/visits\/tasks$/];
const SESSION_CHANGES = [/^\/api\/auth\/login$/, /^\/api\/auth\/logout$/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const queue = [...PRECACHE];
      // Four at a time, in the background of a page on a weak signal; each file on its own, so one
      // failure does not leave the whole shell uncached (a missing one is fetched when first used).
      const worker = async () => {
        for (let url = queue.shift(); url; url = queue.shift())
          await cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined);
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('fupin-shell-') && name !== SHELL) await caches.delete(name);
      await self.clients.claim();
      // The page that installed the worker fetched the session before it was controlled.
      const api = await caches.open(API);
      await Promise.all(
        ['/api/me', '/api/units'].map((url) =>
          fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
            .then((res) => (res.ok ? api.put(url, res) : undefined))
            .catch(() => undefined),
        ),
      );
    })(),
  );
});

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

/** Network first within `ms`; the cached copy when the network fails or is too slow. */
async function networkFirst(request, cacheName, ms, fallbackKey) {
  const cache = await caches.open(cacheName);
  const network = fetch(request).then(async (res) => {
    // Only a page may stand in for the shell.
    const page = !fallbackKey || (res.headers.get('content-type') || '').includes('text/html');
    if (res.ok && page) await cache.put(fallbackKey || request, res.clone());
    return res;
  });
  try {
    return await Promise.race([network, timeout(ms)]);
  } catch (error) {
    const cached = await cache.match(fallbackKey || request);
    if (cached) return cached;
    // Slow but not dead: keep waiting for the network rather than failing.
    return network.catch(() => {
      throw error;
    });
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, res.clone());
  }
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && SESSION_CHANGES.some((re) => re.test(url.pathname))) {
    // Another person may sign in on this phone next: nobody's cached answers outlive a session.
    event.respondWith(
      fetch(request).then(async (res) => {
        await caches.delete(API);
        return res;
      }),
    );
    return;
  }
  // Downloads (Excel) and every other API read go straight to the network.
  if (request.method !== 'GET' || (url.pathname.startsWith('/api/') && !API_CACHED.some((re) => re.test(url.pathname)))) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, 4000, '/index.html'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, API, 6000));
    return;
  }
  // The icon, the manifest: precached with the shell, served from it when there.
  if (PRECACHE.includes(url.pathname)) event.respondWith(cacheFirst(request));
});

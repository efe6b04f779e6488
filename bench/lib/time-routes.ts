/**
 * Timing HTTP routes of a listening app: sign-ins, warm-up, p50/p95 over N sequential requests.
 * Each request of a route is paired with a request of the baseline made just before it, so each
 * route carries its own baseline taken under the same load: on a shared machine the load moves
 * within a minute, and a ratio to a baseline measured at another moment says little.
 */

export interface Route {
  label: string;
  /** the i-th request's path (rotate over townships with i) */
  path: (i: number) => string;
  cookie: (i: number) => string;
}

export interface Timing {
  label: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
  /** p50 of the baseline requests interleaved with this route's */
  baseP50: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Signs in and returns the session cookie. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function once(base: string, r: Route, i: number): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(base + r.path(i), { headers: { cookie: r.cookie(i) } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${r.label}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

function summary(label: string, times: number[], bytes: number, baseline: number[]): Timing {
  times.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  return {
    label,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) as number,
    bytes,
    baseP50: percentile(baseline, 50),
  };
}

/**
 * The baseline first (all its samples: those interleaved with every route), then each route
 * `requests` times, after two warm-up calls (the first compiles its serializer).
 */
export async function timeRoutes(base: string, baseline: Route, routes: Route[], requests: number): Promise<Timing[]> {
  const all: number[] = [];
  const out: Timing[] = [];
  for (const r of routes) {
    for (let w = 0; w < 2; w++) await once(base, r, w);
    const times: number[] = [];
    const floor: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      floor.push((await once(base, baseline, i)).ms);
      const t = await once(base, r, i);
      times.push(t.ms);
      bytes = Math.max(bytes, t.bytes);
    }
    all.push(...floor);
    out.push(summary(r.label, times, bytes, floor));
  }
  return [summary(baseline.label, [...all], 0, [...all]), ...out];
}

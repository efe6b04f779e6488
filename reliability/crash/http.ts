/** A signed-in person talking to the running server over real HTTP, as the phone's app does. */
import { randomUUID } from 'node:crypto';
import type { Household, VisitFormInput } from '@fupin/domain';
import { cleanForm } from '../../apps/server/test/visit-form';

export const DEMO_PASSWORD = 'fupin2026';

export class Session {
  constructor(
    public baseUrl: string,
    readonly cookie: string,
  ) {}

  static async login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fupin_session='));
    if (!cookie) throw new Error('no session cookie');
    return new Session(baseUrl, cookie.split(';')[0] as string);
  }

  async get<T = unknown>(path: string): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Throws when the request gets no answer at all (the server is down or died midway). */
  async post<T = unknown>(path: string, payload: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  async upload<T = unknown>(
    path: string,
    fileName: string,
    data: Uint8Array,
    type: string,
  ): Promise<{ status: number; body: T }> {
    const form = new FormData();
    form.append('file', new Blob([data], { type }), fileName);
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { cookie: this.cookie }, body: form });
    return { status: res.status, body: (await res.json()) as T };
  }
}

/** A cadre of the demo township with the campaign and the households paired with them. */
export interface Cadre {
  session: Session;
  campaignId: string;
  households: Household[];
}

export async function cadreOf(baseUrl: string, username: string): Promise<Cadre> {
  const session = await Session.login(baseUrl, username);
  const me = await session.get<{ user: { roles: { unitId: string }[] } }>('/api/me');
  const village = me.body.user.roles[0]?.unitId;
  const campaign = await session.get<{ id: string }>(`/api/campaigns/current?unitId=${village}`);
  if (campaign.status !== 200) throw new Error(`no current campaign: ${JSON.stringify(campaign.body)}`);
  const tasks = await session.get<{ households: Household[] }>(`/api/visits/tasks?campaignId=${campaign.body.id}`);
  if (tasks.status !== 200 || !tasks.body.households.length) throw new Error(`no tasks for ${username}`);
  return { session, campaignId: campaign.body.id, households: tasks.body.households };
}

/**
 * `count` visit forms of a cadre with ids made on the client, visited a minute apart up to now;
 * every `problemEvery`-th one finds the water supply not secured, so it also opens a problem.
 */
export function visitForms(cadre: Cadre, count: number, problemEvery = 5): VisitFormInput[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const h = cadre.households[i % cadre.households.length] as Household;
    const form = cleanForm(h, cadre.campaignId, {
      id: randomUUID(),
      visitedAt: new Date(now - (count - i) * 60_000).toISOString(),
    });
    if (i % problemEvery === problemEvery - 1)
      form.guarantees = {
        ...form.guarantees,
        water: { ...form.guarantees.water, secured: false, problem: '自来水停水三天', quantity: false },
      };
    return form;
  });
}

/** Where to go after logging in: only a path of this app, never another site or the login page itself. */
export function safeNext(raw: string | null | undefined): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/login') || raw.startsWith('/change-password')) return '/';
  return raw;
}

/** A page path with `?next=` carrying where the person wanted to go. */
export function withNext(page: '/login' | '/change-password', next: string): string {
  const target = safeNext(next);
  return target === '/' ? page : `${page}?next=${encodeURIComponent(target)}`;
}

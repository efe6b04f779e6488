/** Helpers of the sessions suite: reading cookies, the headers every answer needs, uploads to send. */
import { expect } from 'vitest';

/** The attributes of a Set-Cookie header, by lower-case name. */
export function cookieOf(header: string | string[] | undefined, name: string): Record<string, string> | null {
  const line = (Array.isArray(header) ? header : [header ?? '']).find((h) => h.startsWith(`${name}=`));
  if (!line) return null;
  const [first, ...attrs] = line.split(';').map((p) => p.trim());
  const out: Record<string, string> = { value: first?.slice(name.length + 1) ?? '' };
  for (const a of attrs) {
    const [k, v] = a.split('=');
    out[(k ?? '').toLowerCase()] = v ?? 'true';
  }
  return out;
}

/** The headers helmet must set on every answer (plain HTTP: no HSTS, no upgrade of requests). */
export function expectHelmet(headers: Record<string, unknown>, label: string) {
  const csp = String(headers['content-security-policy'] ?? '');
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ])
    expect(csp, `${label}: ${directive}`).toContain(directive);
  expect(csp, label).not.toContain('upgrade-insecure-requests');
  expect(headers, label).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-permitted-cross-domain-policies': 'none',
  });
  expect(headers['strict-transport-security'], label).toBeUndefined();
}

/** One file as multipart/form-data. */
export function multipart(file: Buffer, filename: string, type: string) {
  const b = '----limits';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, type: `multipart/form-data; boundary=${b}` };
}

export const JPEG = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 1)]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 2)]);
export const HTML = Buffer.from('<html><script>alert(1)</script></html>');
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
export const MB = 1024 * 1024;

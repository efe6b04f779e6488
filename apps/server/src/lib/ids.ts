/** Identifiers generated on the server. */
import { randomBytes } from 'node:crypto';

let lastMs = -1;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of milliseconds, a 12-bit counter, then random bits.
 * Time-ordered, and strictly increasing within this process even for ids made in the same
 * millisecond (or under a clock a test holds still), so "newest first" is never a coin toss.
 */
export function uuidv7(at: Date = new Date()): string {
  let ms = at.getTime();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    if (sequence > 0xfff) {
      ms++;
      sequence = 0;
    }
  } else {
    sequence = randomBytes(1)[0] as number;
  }
  lastMs = ms;
  const bytes = randomBytes(16);
  const big = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((big >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

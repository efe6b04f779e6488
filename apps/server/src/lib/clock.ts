/**
 * The clock every command reads. Production uses the system time; tests move a fixed clock
 * to cross deadlines without waiting.
 */
import { readFileSync } from 'node:fs';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved. */
export class FixedClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * The system time moved by a number of milliseconds read from a file (re-read at most every
 * 200 ms), so browser journeys can let a publicity period or a deadline pass against the real
 * server. Only for tests: the server refuses it when NODE_ENV is production.
 */
export function fileOffsetClock(path: string): Clock {
  let offset = 0;
  let readAt = 0;
  return {
    now() {
      const t = Date.now();
      if (t - readAt > 200) {
        readAt = t;
        try {
          offset = Number(readFileSync(path, 'utf8').trim()) || 0;
        } catch {
          offset = 0;
        }
      }
      return new Date(t + offset);
    },
  };
}

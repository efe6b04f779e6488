/**
 * The server's configuration: one object read from the environment once, validated, with a
 * comment per setting. The README's configuration table mirrors this file.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  /** TCP port of the HTTP server */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** address to listen on; 0.0.0.0 to serve the local network */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; empty means the embedded PGlite database in DATA_DIR */
  DATABASE_URL: z.string().default(''),
  /**
   * a streaming replica of DATABASE_URL for report reads (dashboards, accountability, exports);
   * empty means every read goes to the primary. Ignored on PGlite. A user who has just written
   * keeps reading from the primary until the replica has replayed that write (db/read-routing.ts).
   */
  DATABASE_READ_URL: z.string().default(''),
  /** folder of the embedded database (and, later, evidence files) */
  DATA_DIR: z.string().default('./data'),
  /** seed the demo township when the database is empty */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** households in the demo township */
  DEMO_HOUSEHOLDS: z.coerce.number().int().min(0).max(100_000).default(3000),
  /** idle session lifetime in hours; a session unused this long must log in again */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  /** absolute session lifetime in hours */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  /** mark the session cookie Secure (set true behind HTTPS) */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * reverse proxies whose X-Forwarded-For is believed, so the login limit counts the real
   * client: `loopback` (a proxy on this machine), a comma-separated list of addresses or CIDR
   * ranges, or `true` for any (only when nothing reaches the server except through a proxy)
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v) =>
      v === 'true'
        ? true
        : v === 'false'
          ? false
          : v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
    ),
  /** failed logins on one account before it locks */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** login attempts per minute from one address, whatever the account */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** minutes an account stays locked */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** log level of pino */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * for browser journeys only: a file holding milliseconds to add to the system time, so a
   * journey can let a deadline pass; refused when NODE_ENV is production
   */
  CLOCK_OFFSET_FILE: z.string().default(''),
  /** folder of the built web app to serve; empty disables static serving */
  WEB_DIST: z.string().default(resolve(import.meta.dirname, '../../web/dist')),
});

export type Config = z.infer<typeof schema>;

/** Reads and validates the configuration; a wrong value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Defaults for tests and tools: no demo seed, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    SEED_DEMO: false,
    LOG_LEVEL: (process.env.FUPIN_TEST_LOG as Config['LOG_LEVEL'] | undefined) ?? 'silent',
    WEB_DIST: '',
    LOGIN_RATE_PER_MINUTE: 10_000,
    ...overrides,
  };
}

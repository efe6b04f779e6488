import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import { type Database, selectRows } from '../db/client';
import { reserveUuidv7, uuidv7, uuidv7Sql } from './ids';

describe('uuidv7', () => {
  it('is a version 7 UUID carrying its millisecond', () => {
    const at = new Date('2020-03-10T01:00:00.123Z');
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBeGreaterThanOrEqual(at.getTime());
  });

  it('increases strictly even when the clock stands still', () => {
    const at = new Date('2020-03-10T01:00:00Z');
    const ids = Array.from({ length: 10_000 }, () => uuidv7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a reserved block of UUID v7 values made in SQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('gives every row of a statement its own id, in order, before any id made afterwards', async () => {
    const at = new Date('2020-03-10T01:00:00Z');
    const before = uuidv7(at);
    // More than a millisecond's 4,096 counter values: the millisecond carries over.
    const block = reserveUuidv7(at, 10_000);
    const after = uuidv7(at);
    const rows = await selectRows<{ id: string }>(
      database.db,
      sql.raw(`select ${uuidv7Sql(block, 'n')} as id from generate_series(0, 9999) n order by n`),
    );
    const ids = rows.map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(10_000);
    expect([...ids].sort()).toEqual(ids);
    expect(before < (ids[0] as string)).toBe(true);
    expect((ids[9999] as string) < after).toBe(true);
    // Two blocks of the same millisecond and counter (two processes) differ in their random bits.
    expect(uuidv7Sql({ ...block, tail: reserveUuidv7(at, 1).tail }, '0')).not.toBe(uuidv7Sql(block, '0'));
  });
});

/**
 * The 看户 sample (DOMAIN.md §6): per village, households drawn at random from its registered-poor
 * and marginal households, reproducibly. The seed, the method and its version are recorded with
 * the list, so anyone can redraw with the same inputs and get the same households, in this code
 * or by hand from the description below.
 *
 * Method fnv1a32-mulberry32-fisher-yates, version 1:
 * 1. The population is the eligible household ids, duplicates removed, sorted by UTF-16 code units
 *    (JavaScript's default sort), so the order they arrive in does not matter.
 * 2. The seed string is encoded as UTF-8 and hashed with 32-bit FNV-1a (offset basis 0x811c9dc5,
 *    prime 0x01000193) into the state of mulberry32 (Tommy Ettinger's 32-bit generator).
 * 3. A partial Fisher–Yates shuffle: for i = 0 … k−1, u = next 32-bit output ÷ 2^32,
 *    j = i + ⌊u · (n − i)⌋, swap positions i and j. The sample is positions 0 … k−1, in draw order.
 *    k = min(sample size, n).
 */
import { z } from 'zod';
import type { PovertyStatus } from '../registry/codes';

export const SAMPLING_METHOD = 'fnv1a32-mulberry32-fisher-yates';
export const SAMPLING_VERSION = 1;

/** Households sampled per village unless the round says otherwise (the seed: “一定数量”). */
export const DEFAULT_SAMPLE_SIZE = 5;

export const sampleSizeSchema = z.number().int().min(1).max(100);
/** The recorded seed: any text; the server draws a random one, a person may type one to redraw. */
export const sampleSeedSchema = z.string().trim().min(1).max(64);

/** 32-bit FNV-1a of a string's UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a generator of 32-bit unsigned integers from a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The population as the method sees it: unique ids in code-unit order. */
export function samplingPopulation(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

/** The record kept with a round's sample of one village: enough to redraw it. */
export interface SampleRecord {
  method: typeof SAMPLING_METHOD;
  version: typeof SAMPLING_VERSION;
  seed: string;
  /** the sample size asked for */
  size: number;
  /** the eligible households at the draw, as the method orders them */
  population: string[];
  /** the households drawn, in draw order */
  sample: string[];
}

/** Draws a village's sample; the same ids, size and seed always give the same households. */
export function drawSample(eligibleIds: readonly string[], size: number, seed: string): SampleRecord {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`bad sample size: ${size}`);
  const population = samplingPopulation(eligibleIds);
  const next = mulberry32(fnv1a32(seed));
  const pool = [...population];
  const k = Math.min(size, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor((next() / 2 ** 32) * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { method: SAMPLING_METHOD, version: SAMPLING_VERSION, seed, size, population, sample: pool.slice(0, k) };
}

/** Whether a recorded sample is what its method, seed and population give (anyone's redraw). */
export function verifySample(record: SampleRecord): boolean {
  if (record.method !== SAMPLING_METHOD || record.version !== SAMPLING_VERSION) return false;
  const redrawn = drawSample(record.population, record.size, record.seed);
  return (
    redrawn.population.length === record.population.length &&
    redrawn.population.every((id, i) => id === record.population[i]) &&
    redrawn.sample.length === record.sample.length &&
    redrawn.sample.every((id, i) => id === record.sample[i])
  );
}

/**
 * Whether a household can be drawn: registered poor (not yet out or exited: 建档立卡 covers both)
 * or tagged marginal, with at least one current member (an empty household is for the village to
 * close, not to visit).
 */
export function isEligibleForSample(h: {
  povertyStatus: PovertyStatus;
  tags: readonly string[];
  currentMembers: number;
}): boolean {
  return (h.povertyStatus !== 'none' || h.tags.includes('marginal')) && h.currentMembers > 0;
}

/** Building blocks of the domain's zod schemas. */
import { z } from 'zod';
import { I18N_PREFIX } from '../i18n/issues';

/** A client-generated id (UUID): every create carries one so a retried request never duplicates. */
export const clientId = z.uuid();

/** A calendar date written YYYY-MM-DD, checked to be a real date. */
export const isoDate = z.iso.date();

/** A trimmed single-line text of bounded length. */
export function text(min: number, max: number) {
  return z.string().trim().min(min).max(max);
}

/** Optional text: empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A 12-digit statistical division code, or null. */
export const divisionCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/, { error: `${I18N_PREFIX}issue.division_code` })
  .nullish()
  .transform((v) => v ?? null);

/** Page parameters of list queries. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A page of results with the total count. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/**
 * The rubric as the editor holds it (numbers may be empty while typed, rows keyed for React), and
 * back to what the server takes; its problems from the domain's own validateRubric, by part.
 */
import {
  COMPETITION_PARTS,
  type CompetitionPart,
  fieldLabel,
  hasMessage,
  type Lang,
  type Rubric,
  rubricTotals,
  translate,
  validateRubric,
} from '@fupin/domain';

export interface ItemDraft {
  key: string;
  code: string;
  name: string;
  nameEn: string;
  criteria: string;
  points: number | null;
  office: string | null;
}

export interface PartDraft {
  max: number | null;
  office: string;
  items: ItemDraft[];
}

export type RubricDraft = Record<CompetitionPart, PartDraft>;

let counter = 0;
const rowKey = () => `row-${++counter}`;

export function draftOfRubric(r: Rubric): RubricDraft {
  const part = (p: CompetitionPart): PartDraft => ({
    max: r[p].max,
    office: r[p].office,
    items: r[p].items.map((i) => ({ key: rowKey(), ...i, nameEn: i.nameEn ?? '', criteria: i.criteria ?? '' })),
  });
  return { households: part('households'), groups: part('groups'), village: part('village') };
}

export function emptyItem(): ItemDraft {
  return { key: rowKey(), code: '', name: '', nameEn: '', criteria: '', points: null, office: null };
}

/** What the server takes: trimmed texts, an empty English name as none. */
export function rubricOfDraft(d: RubricDraft): unknown {
  const part = (p: PartDraft) => ({
    max: p.max,
    office: p.office,
    items: p.items.map(({ key: _key, ...i }) => ({
      ...i,
      code: i.code.trim(),
      name: i.name.trim(),
      nameEn: i.nameEn.trim() || null,
      criteria: i.criteria.trim(),
    })),
  });
  return { households: part(d.households), groups: part(d.groups), village: part(d.village) };
}

/** Running sums: each part's items against its maximum, and the maxima against 100. */
export function draftTotals(d: RubricDraft) {
  const zeroed = Object.fromEntries(
    COMPETITION_PARTS.map((p) => [
      p,
      { ...d[p], max: d[p].max ?? 0, items: d[p].items.map((i) => ({ ...i, points: i.points ?? 0, nameEn: null })) },
    ]),
  ) as unknown as Parameters<typeof rubricTotals>[0];
  return rubricTotals(zeroed);
}

/**
 * Messages of the rubric's problems: `root` for the sum of the maxima, else by part; an item's
 * problem names the item's row and field (`label(n, field)` gives 「第 3 项 · 分值」).
 */
export function rubricProblems(
  d: RubricDraft,
  lang: Lang,
  label: (row: number, field: string) => string,
): { root: string[]; parts: Record<CompetitionPart, string[]> } {
  const out = { root: [] as string[], parts: { households: [], groups: [], village: [] } as Record<CompetitionPart, string[]> };
  const result = validateRubric(rubricOfDraft(d));
  if (result.ok) return out;
  for (const p of result.problems) {
    const [part, ...rest] = p.path.split('.');
    const text = hasMessage(p.key) ? translate(lang, p.key, p.params) : p.key;
    const isPart = part !== undefined && (COMPETITION_PARTS as readonly string[]).includes(part);
    if (!isPart) {
      out.root.push(text);
      continue;
    }
    const where =
      rest[0] === 'items' && rest.length >= 3
        ? label(Number(rest[1]) + 1, rest[2] ?? '')
        : rest.length
          ? fieldLabel(lang, rest.join('.'))
          : '';
    out.parts[part as CompetitionPart].push(where ? (lang === 'en' ? `${where}: ${text}` : `「${where}」：${text}`) : text);
  }
  return out;
}

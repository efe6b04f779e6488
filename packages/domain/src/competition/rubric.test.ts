import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors';
import { DEFAULT_RUBRIC } from './default-rubric';
import { COMPETITION_PARTS, LEAD_OFFICES, PART_LABELS, type Rubric, rubricSchema, rubricTotals, validateRubric } from './rubric';

/** A copy of the default rubric with a change: what a township might save. */
function changed(change: (r: Rubric) => void): Record<string, unknown> {
  const copy = structuredClone(DEFAULT_RUBRIC);
  change(copy);
  return copy as unknown as Record<string, unknown>;
}

function problemsOf(input: unknown, offices?: readonly string[]): FieldError[] {
  const result = validateRubric(input, offices);
  return result.ok ? [] : result.problems;
}

describe('validateRubric', () => {
  it('accepts the default rubric unchanged', () => {
    expect(validateRubric(DEFAULT_RUBRIC)).toEqual({ ok: true, value: DEFAULT_RUBRIC });
  });

  it('fills the defaults of an item', () => {
    const result = validateRubric(
      changed((r) => {
        r.groups.items = [{ code: 'g1', name: '拆得干净', points: 20 } as Rubric['groups']['items'][number]];
      }),
    );
    expect(result.ok && result.value.groups.items[0]).toEqual({
      code: 'g1',
      name: '拆得干净',
      nameEn: null,
      criteria: '',
      points: 20,
      office: null,
    });
  });

  it.each<[string, (r: Rubric) => void]>([
    [
      'points moved between items of a part',
      (r) => {
        r.households.items[0]!.points = 10;
        r.households.items[1]!.points = 6;
      },
    ],
    [
      'maxima moved between parts (40 / 20 / 40)',
      (r) => {
        r.households.max = 40;
        r.households.items[2]!.points = 4;
        r.village.max = 40;
        r.village.items[0]!.points = 16;
      },
    ],
    [
      'two-decimal points',
      (r) => {
        r.households.items[0]!.points = 7.5;
        r.households.items[1]!.points = 8.5;
      },
    ],
    [
      'thirds written to two decimals that add up exactly (33.33 + 33.33 + 33.34)',
      (r) => {
        r.households.max = 33.33;
        r.households.items = [{ ...r.households.items[0]!, points: 33.33 }];
        r.groups.max = 33.33;
        r.groups.items = [
          { ...r.groups.items[0]!, points: 16.66 },
          { ...r.groups.items[1]!, points: 16.67 },
        ];
        r.village.max = 33.34;
        r.village.items = [
          { ...r.village.items[0]!, points: 0.29 },
          { ...r.village.items[1]!, points: 33.05 },
        ];
      },
    ],
    [
      'a household item with its own office',
      (r) => {
        r.households.items[0]!.office = 'projects_office';
      },
    ],
    [
      'a single item per part',
      (r) => {
        r.groups.items = [{ ...r.groups.items[0]!, points: 20 }];
      },
    ],
  ])('accepts %s', (_what, change) => {
    expect(problemsOf(changed(change))).toEqual([]);
  });

  it.each<[string, (r: Rubric) => void, FieldError[]]>([
    [
      'parts not adding to 100 (and the part not matching its items)',
      (r) => {
        r.households.max = 40;
      },
      [
        { path: '', key: 'competition.parts_total' },
        { path: 'households.items', key: 'competition.items_total' },
      ],
    ],
    [
      'parts adding to 110 with items matching',
      (r) => {
        r.households.max = 60;
        r.households.items[0]!.points = 18;
      },
      [{ path: '', key: 'competition.parts_total' }],
    ],
    [
      'items adding to 51 in a part of 50',
      (r) => {
        r.households.items[0]!.points = 9;
      },
      [{ path: 'households.items', key: 'competition.items_total' }],
    ],
    [
      'items adding to 19 in a part of 20',
      (r) => {
        r.groups.items[3]!.points = 4;
      },
      [{ path: 'groups.items', key: 'competition.items_total' }],
    ],
    [
      'items adding to 29.99 in a part of 30',
      (r) => {
        r.village.items[5]!.points = 3.99;
      },
      [{ path: 'village.items', key: 'competition.items_total' }],
    ],
    [
      'three decimals, even when the sums hold',
      (r) => {
        r.households.items[0]!.points = 7.995;
        r.households.items[1]!.points = 8.005;
      },
      [
        { path: 'households.items.0.points', key: 'competition.two_decimals' },
        { path: 'households.items.1.points', key: 'competition.two_decimals' },
      ],
    ],
    [
      'a maximum with three decimals',
      (r) => {
        r.groups.max = 20.001;
      },
      [{ path: 'groups.max', key: 'competition.two_decimals' }],
    ],
    [
      'an item of no points',
      (r) => {
        r.households.items[0]!.points = 0;
        r.households.items[1]!.points = 16;
      },
      [{ path: 'households.items.0.points', key: 'issue.too_small', params: { min: 0 } }],
    ],
    [
      'negative points',
      (r) => {
        r.households.items[0]!.points = -2;
        r.households.items[1]!.points = 18;
      },
      [{ path: 'households.items.0.points', key: 'issue.too_small', params: { min: 0 } }],
    ],
    [
      'a code used in two parts',
      (r) => {
        r.groups.items[1]!.code = 'h_industry';
      },
      [{ path: 'groups.items.1.code', key: 'competition.item_code_twice' }],
    ],
    [
      'a code used twice in a part',
      (r) => {
        r.village.items[5]!.code = 'v_grain';
      },
      [{ path: 'village.items.5.code', key: 'competition.item_code_twice' }],
    ],
    [
      'a code with capitals',
      (r) => {
        r.village.items[0]!.code = 'V1';
      },
      [{ path: 'village.items.0.code', key: 'competition.item_code' }],
    ],
    [
      'a code starting with a digit',
      (r) => {
        r.groups.items[0]!.code = '1g';
      },
      [{ path: 'groups.items.0.code', key: 'competition.item_code' }],
    ],
    [
      'a village item without its office',
      (r) => {
        r.village.items[2]!.office = null;
      },
      [{ path: 'village.items.2.office', key: 'competition.office_required' }],
    ],
    [
      'an office that is not set up',
      (r) => {
        r.village.items[0]!.office = 'mayor';
      },
      [{ path: 'village.items.0.office', key: 'competition.unknown_office' }],
    ],
    [
      'a part led by an unknown office',
      (r) => {
        r.groups.office = 'nobody';
      },
      [{ path: 'groups.office', key: 'competition.unknown_office' }],
    ],
    [
      'a part with no items',
      (r) => {
        r.groups.items = [];
      },
      [
        { path: 'groups.items', key: 'issue.required' },
        { path: 'groups.items', key: 'competition.items_total' },
      ],
    ],
    [
      'an item name of one character',
      (r) => {
        r.groups.items[0]!.name = '拆';
      },
      [{ path: 'groups.items.0.name', key: 'issue.too_short', params: { min: 2 } }],
    ],
    [
      'an item name of blanks',
      (r) => {
        r.groups.items[0]!.name = '   ';
      },
      [{ path: 'groups.items.0.name', key: 'issue.too_short', params: { min: 2 } }],
    ],
  ])('refuses %s', (_what, change, problems) => {
    expect(problemsOf(changed(change))).toEqual(problems);
  });

  it.each<[string, unknown, FieldError[]]>([
    ['nothing', undefined, [{ path: '', key: 'issue.required' }]],
    ['a list', [], [{ path: '', key: 'issue.type' }]],
    [
      'a missing part',
      { households: DEFAULT_RUBRIC.households, village: DEFAULT_RUBRIC.village },
      [{ path: 'groups', key: 'issue.required' }],
    ],
    ['a fourth part', { ...DEFAULT_RUBRIC, bonus: DEFAULT_RUBRIC.groups }, [{ path: 'bonus', key: 'issue.unknown_key' }]],
    [
      'points as text',
      changed((r) => {
        (r.groups.items[0] as { points: unknown }).points = '5';
      }),
      [{ path: 'groups.items.0.points', key: 'issue.type' }],
    ],
  ])('refuses %s', (_what, input, problems) => {
    expect(problemsOf(input)).toEqual(problems);
  });

  it('takes the township’s own offices', () => {
    const input = changed((r) => {
      r.village.items[3]!.office = 'water_office';
    });
    expect(problemsOf(input)).toEqual([{ path: 'village.items.3.office', key: 'competition.unknown_office' }]);
    expect(problemsOf(input, [...LEAD_OFFICES.codes, 'water_office'])).toEqual([]);
  });

  it('the schema alone refuses what validateRubric refuses', () => {
    const noOffice = changed((r) => {
      r.village.items[0]!.office = null;
    });
    const partsOff = changed((r) => {
      r.households.max = 40;
    });
    expect(rubricSchema.safeParse(partsOff).success).toBe(false);
    expect(rubricSchema.safeParse(noOffice).success).toBe(false);
    expect(rubricSchema.safeParse(DEFAULT_RUBRIC).success).toBe(true);
  });
});

describe('vocabularies', () => {
  it('names the parts as the seed does, with their attachments', () => {
    expect(COMPETITION_PARTS.map((p) => `${PART_LABELS[p].zh}${PART_LABELS[p].form}`)).toEqual([
      '看户附件7',
      '看组附件8',
      '看村附件9',
    ]);
  });

  it.each(Object.entries({ ...PART_LABELS, ...LEAD_OFFICES.labels }))('%s is labelled in both languages', (_code, label) => {
    expect(label.zh).toMatch(/\p{Script=Han}/u);
    expect(label.en).toMatch(/^[^\p{Script=Han}]+$/u);
  });
});

describe('rubricTotals', () => {
  it('shows the running sums of a rubric being edited, exactly', () => {
    const totals = rubricTotals(
      changed((r) => {
        r.households.max = 33.3;
        r.groups.max = 33.3;
        r.village.max = 33.4;
        r.households.items = [
          { ...r.households.items[0]!, points: 0.1 },
          { ...r.households.items[1]!, points: 0.2 },
        ];
      }) as unknown as Rubric,
    );
    expect(totals.total).toBe(100);
    expect(totals.parts.households).toEqual({ max: 33.3, items: 0.3 });
    expect(totals.parts.groups).toEqual({ max: 33.3, items: 20 });
  });
});

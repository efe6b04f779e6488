/** Everything the form recomputes as the cadre types: the payload, the household as found, figures, flags, problems, hints. */
import {
  checkPlausibility,
  type Flag,
  type FoundProblem,
  type Observation,
  type PlausibilityFlag,
  problemsFromVisit,
  type VisitForm,
  type VisitFormInput,
  visitForm,
} from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { useMemo } from 'react';
import type { OutboxEntry } from '../offline/db';
import { type Figures, figuresOf, flagsOf, observedHousehold, type RuleContext } from './live';
import type { FormType, VisitMeta, VisitValues } from './model';
import { toVisitForm } from './payload';

export interface LiveVisit {
  payload: VisitFormInput;
  figures: Figures;
  flags: Flag[];
  problems: FoundProblem[];
  observations: Observation[];
  memberChanges: VisitFormInput['members'];
  hints: PlausibilityFlag[];
}

export function useLiveVisit(
  registry: Household,
  meta: VisitMeta,
  values: VisitValues,
  formType: FormType,
  rules: RuleContext,
  outbox: readonly OutboxEntry[] | undefined,
): LiveVisit {
  return useMemo(() => {
    const payload = toVisitForm(registry, meta, values, formType);
    const parsed = visitForm.safeParse(payload);
    const form = (parsed.success ? parsed.data : payload) as VisitForm;
    const found = observedHousehold(registry, payload);
    const others = (outbox ?? [])
      .filter((e) => e.id !== meta.formId && e.state !== 'failed')
      .map((e) => ({ visitedAt: new Date(e.form.visitedAt), householdId: e.householdId }));
    return {
      payload,
      figures: figuresOf(found, rules.params),
      flags: flagsOf(found, rules),
      problems: problemsFromVisit(form, registry),
      observations: payload.observations,
      memberChanges: payload.members.filter((m) => m.check !== 'present'),
      hints: checkPlausibility(
        { visitedAt: new Date(meta.visitedAt), position: meta.position, householdId: registry.id },
        { latitude: registry.latitude, longitude: registry.longitude },
        others,
      ),
    };
  }, [registry, meta, values, formType, rules, outbox]);
}

/**
 * What the form computes as the cadre types, offline: the household as found (the registry with
 * the form applied, `householdAsObserved`), its income figures, and the key-category flags of the
 * active rule set from the tasks payload — the same computation the server stores with the visit.
 */
import {
  compileRuleSet,
  type DerivationParameters,
  defaultRuleSet,
  derivation,
  deriveHousehold,
  type Evaluator,
  emptyValues,
  type Flag,
  householdAsObserved,
  type RegistryHousehold,
  type RuleHousehold,
  type RuleSetDefinition,
  type VisitForm,
  type VisitFormInput,
} from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';

export interface RuleContext {
  evaluator: Evaluator | null;
  params: DerivationParameters;
}

/** The active rule set compiled once, or only the default parameters when there is none (or it is broken). */
export function ruleContext(ruleSet: { definition: unknown } | null | undefined, year: number): RuleContext {
  if (ruleSet) {
    try {
      const evaluator = compileRuleSet(ruleSet.definition as RuleSetDefinition);
      const d = evaluator.definition;
      return { evaluator, params: { incomeLine: d.incomeLine, labourWeights: d.labourWeights, referenceDate: d.referenceDate } };
    } catch {
      // A set the phone cannot compile shows figures without flags; the server still computes them.
    }
  }
  const d = defaultRuleSet(year);
  return {
    evaluator: null,
    params: { incomeLine: d.incomeLine, labourWeights: d.labourWeights, referenceDate: d.referenceDate },
  };
}

/** The household as the form finds it. */
export function observedHousehold(h: Household, form: VisitFormInput): RuleHousehold {
  return householdAsObserved(h as unknown as RegistryHousehold, form as unknown as VisitForm);
}

export interface Figures {
  currentMembers: number;
  totalIncome: number;
  perCapitaIncome: number | null;
  /** 0–1, null without positive income */
  transferShare: number | null;
  labourCoefficient: number | null;
  incomeLine: number;
}

export function figuresOf(h: RuleHousehold, params: DerivationParameters): Figures {
  const v = deriveHousehold(h, derivation(params), emptyValues());
  return {
    currentMembers: v.currentMembers,
    totalIncome: v.totalIncome,
    perCapitaIncome: v.perCapitaIncome,
    transferShare: v.transferShare,
    labourCoefficient: v.labourCoefficient,
    incomeLine: params.incomeLine,
  };
}

export function flagsOf(h: RuleHousehold, rules: RuleContext): Flag[] {
  return rules.evaluator ? rules.evaluator.evaluate(h) : [];
}

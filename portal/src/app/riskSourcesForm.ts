// An enterprise's risk sources as a form (PUT /api/v1/enterprises/{id}/risk-sources): the substances on site with
// their largest quantities (t), the production process units, and per medium the risk-control score, the
// sensitivity E and why. risk-service grades what is saved (HJ 941-2018) and checks it all again (422 likewise).
// The penalty or incident record is the bureau's: the form sends it back as it was read.

import type { FormError, SensitivityCode } from './gradingForm';
import type { MediumAssessment, RiskSourcesView } from '../api/types';

export type AssessedMedium = 'air' | 'water';

export interface SubstanceEntry {
  cas: string;
  /** tonnes */
  maxQuantity: number | null | undefined;
}

export interface ProcessUnitEntry {
  name: string;
  process: string;
  sets: number | null | undefined;
}

export interface AssessmentForm {
  controlScore: number | null | undefined;
  e: SensitivityCode | '' | null | undefined;
  /** one reason per line */
  reasons: string;
}

export interface RiskSourcesForm {
  substances: SubstanceEntry[];
  processUnits: ProcessUnitEntry[];
  air: AssessmentForm;
  water: AssessmentForm;
}

export interface RiskSourcesBody {
  substances: { cas: string; maxQuantity: number }[];
  processUnits: { name: string; process: string; sets: number }[];
  air: MediumAssessment;
  water: MediumAssessment;
  lastPenaltyOrIncident: string | null;
  penaltyOrIncidentNote: string | null;
}

const assessmentFormOf = (assessment: MediumAssessment | null): AssessmentForm => ({
  controlScore: assessment?.controlScore,
  e: assessment?.e ?? '',
  reasons: (assessment?.reasons ?? []).join('\n'),
});

/** The form filled with what is stored; an enterprise never graded starts empty. */
export function riskSourcesFormOf(view: RiskSourcesView): RiskSourcesForm {
  return {
    substances: view.substances.map((substance) => ({ cas: substance.cas, maxQuantity: substance.maxQuantity })),
    processUnits: view.processUnits.map((unit) => ({ name: unit.name, process: unit.process, sets: unit.sets })),
    air: assessmentFormOf(view.air),
    water: assessmentFormOf(view.water),
  };
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const reasonsOf = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

function assessmentErrors(medium: AssessedMedium, form: AssessmentForm): FormError[] {
  const errors: FormError[] = [];
  if (!isNumber(form.controlScore) || form.controlScore < 0) {
    errors.push({ field: `${medium}.controlScore`, key: 'sources.errors.controlScore' });
  }
  if (form.e !== 'E1' && form.e !== 'E2' && form.e !== 'E3') {
    errors.push({ field: `${medium}.e`, key: 'sources.errors.e' });
  }
  if (reasonsOf(form.reasons).length === 0) {
    errors.push({ field: `${medium}.reasons`, key: 'sources.errors.reasons' });
  }
  return errors;
}

/** What the form refuses before sending, named as the service names the fields. */
export function validateRiskSources(form: RiskSourcesForm): FormError[] {
  const errors: FormError[] = [];
  const seen = new Set<string>();
  form.substances.forEach((row, index) => {
    if (row.cas === '') {
      errors.push({ field: `substances[${index}].cas`, key: 'calculator.errors.substance' });
    } else if (seen.has(row.cas)) {
      errors.push({ field: `substances[${index}].cas`, key: 'calculator.errors.duplicate' });
    }
    seen.add(row.cas);
    if (!isNumber(row.maxQuantity) || row.maxQuantity < 0) {
      errors.push({ field: `substances[${index}].maxQuantity`, key: 'calculator.errors.quantity' });
    }
  });
  form.processUnits.forEach((unit, index) => {
    if (unit.name.trim() === '') {
      errors.push({ field: `processUnits[${index}].name`, key: 'sources.errors.unitName' });
    }
    if (unit.process === '') {
      errors.push({ field: `processUnits[${index}].process`, key: 'sources.errors.process' });
    }
    if (!isNumber(unit.sets) || !Number.isInteger(unit.sets) || unit.sets < 1 || unit.sets > 100) {
      errors.push({ field: `processUnits[${index}].sets`, key: 'sources.errors.sets' });
    }
  });
  return [...errors, ...assessmentErrors('air', form.air), ...assessmentErrors('water', form.water)];
}

const assessmentOf = (form: AssessmentForm): MediumAssessment => ({
  controlScore: form.controlScore as number,
  e: form.e as SensitivityCode,
  reasons: reasonsOf(form.reasons),
});

/** The PUT body of a validated form; the penalty or incident record goes back as it was read. */
export function riskSourcesBodyOf(form: RiskSourcesForm, stored: RiskSourcesView): RiskSourcesBody {
  return {
    substances: form.substances.map((row) => ({ cas: row.cas, maxQuantity: row.maxQuantity as number })),
    processUnits: form.processUnits.map((unit) => ({ name: unit.name.trim(), process: unit.process, sets: unit.sets as number })),
    air: assessmentOf(form.air),
    water: assessmentOf(form.water),
    lastPenaltyOrIncident: stored.lastPenaltyOrIncident,
    penaltyOrIncidentNote: stored.penaltyOrIncidentNote,
  };
}

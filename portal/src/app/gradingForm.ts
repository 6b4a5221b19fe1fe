// The grading calculator's form: per medium the substances on site with their largest quantities (t), the M score
// and the sensitivity E; and whether an incident or penalty happened in the last three years. What the form
// checks before sending, the service checks again (POST /api/v1/risk-assessments/grade answers 422 likewise).

export type MediumKey = 'air' | 'water';
export type SensitivityCode = 'E1' | 'E2' | 'E3';

export interface SubstanceRow {
  /** the Appendix A key the service lists under /substances (the CAS number) */
  key: string;
  /** tonnes */
  quantity: number | null | undefined;
}

export interface MediumForm {
  substances: SubstanceRow[];
  m: number | null | undefined;
  e: SensitivityCode | '' | null | undefined;
}

export interface GradingForm {
  air: MediumForm;
  water: MediumForm;
  incidentInLast3Years: boolean;
}

export interface MediumInput {
  substances: { cas: string; quantity: number }[];
  m?: number;
  e?: SensitivityCode;
}

export interface GradeRequest {
  air: MediumInput | null;
  water: MediumInput | null;
  incidentInLast3Years: boolean;
}

/** A field the form refuses, named as the service names it (`air.substances[0].quantity`), with a message key. */
export interface FormError {
  field: string;
  key: string;
}

export const emptyMedium = (): MediumForm => ({ substances: [], m: undefined, e: undefined });
export const emptyGradingForm = (): GradingForm => ({ air: emptyMedium(), water: emptyMedium(), incidentInLast3Years: false });

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function mediumErrors(medium: MediumKey, form: MediumForm): FormError[] {
  const errors: FormError[] = [];
  const seen = new Set<string>();
  form.substances.forEach((row, index) => {
    const field = `${medium}.substances[${index}]`;
    if (row.key === '') {
      errors.push({ field: `${field}.cas`, key: 'calculator.errors.substance' });
    } else if (seen.has(row.key)) {
      errors.push({ field: `${field}.cas`, key: 'calculator.errors.duplicate' });
    }
    seen.add(row.key);
    if (!isNumber(row.quantity) || row.quantity < 0) {
      errors.push({ field: `${field}.quantity`, key: 'calculator.errors.quantity' });
    }
  });
  if (form.m !== null && form.m !== undefined && (!isNumber(form.m) || form.m < 0)) {
    errors.push({ field: `${medium}.m`, key: 'calculator.errors.m' });
  }
  // From Q1 on the matrix needs M and E (HJ 941-2018 §4.2); a medium with substances listed is asked for both.
  if (form.substances.length > 0 && !isNumber(form.m)) {
    errors.push({ field: `${medium}.m`, key: 'calculator.errors.mNeeded' });
  }
  if (form.substances.length > 0 && !form.e) {
    errors.push({ field: `${medium}.e`, key: 'calculator.errors.eNeeded' });
  }
  return errors;
}

export function validateGrading(form: GradingForm): FormError[] {
  return [...mediumErrors('air', form.air), ...mediumErrors('water', form.water)];
}

function mediumInput(form: MediumForm): MediumInput | null {
  // A medium without substances is left out: the service grades it Q0 (一般) without M and E.
  if (form.substances.length === 0) {
    return null;
  }
  return {
    substances: form.substances.map((row) => ({ cas: row.key, quantity: row.quantity as number })),
    ...(isNumber(form.m) ? { m: form.m } : {}),
    ...(form.e ? { e: form.e } : {}),
  };
}

/** The request the form stands for; call only once {@link validateGrading} finds nothing. */
export function gradeRequestOf(form: GradingForm): GradeRequest {
  return { air: mediumInput(form.air), water: mediumInput(form.water), incidentInLast3Years: form.incidentInLast3Years };
}

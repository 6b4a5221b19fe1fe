// An HJ 941-2018 grade told step by step, from the figures the risk service computed: per medium Q (the ratio of
// the substances' quantities to their critical quantities) and its class, M (the process and control score) and
// its class, E (the environment's sensitivity), the matrix's level; then the enterprise's level and its code.
import type { GradeView, MediumView, RiskLevel } from '../api/types';

export interface GradeStep {
  key: string;
  values: Record<string, string | number>;
}

function mediumSteps(medium: 'air' | 'water', grade: MediumView | null | undefined): GradeStep[] {
  if (!grade) {
    return [];
  }
  if (grade.qClass === 'Q0' || grade.qClass === undefined) {
    // Below every critical quantity the medium is 一般 without looking at M and E (HJ 941-2018 §4.2).
    return [{ key: 'grading.noSubstances', values: { medium, q: grade.q ?? 0, level: grade.riskLevel } }];
  }
  return [
    { key: 'grading.q', values: { medium, q: grade.q ?? 0, qClass: grade.qClass } },
    { key: 'grading.m', values: { medium, m: grade.m ?? 0, mClass: grade.mClass ?? '—' } },
    { key: 'grading.e', values: { medium, e: grade.e ?? '—' } },
    { key: 'grading.matrix', values: { medium, level: grade.riskLevel, code: grade.code } },
  ];
}

/** The service writes the matrix's level in Chinese only; the portal names levels by their code. */
const LEVEL_BY_ZH: Record<string, RiskLevel> = { 一般: 'GENERAL', 较大: 'LARGER', 重大: 'MAJOR' };

export function gradeSteps(grade: GradeView): GradeStep[] {
  const steps = [...mediumSteps('air', grade.air), ...mediumSteps('water', grade.water)];
  steps.push({ key: 'grading.higher', values: { level: LEVEL_BY_ZH[grade.matrixLevel] ?? grade.riskLevel } });
  if (grade.raised) {
    steps.push({ key: 'grading.raised', values: { level: grade.riskLevel } });
  }
  steps.push({ key: 'grading.code', values: { code: grade.code, standard: grade.standard } });
  return steps;
}

import { describe, expect, it } from 'vitest';
import { gradeSteps } from '../src/app/grading';
import type { GradeView } from '../src/api/types';

// The README's example: 重大[重大-大气(Q2-M2-E1)+一般-水(Q1-M1-E3)].
const grade: GradeView = {
  level: '重大', letter: 'H', riskLevel: 'MAJOR', code: '重大[重大-大气(Q2-M2-E1)+一般-水(Q1-M1-E3)]',
  matrixLevel: '重大', raised: false, standard: 'HJ 941-2018',
  air: { level: '重大', riskLevel: 'MAJOR', q: 12.5, qClass: 'Q2', m: 30, mClass: 'M2', e: 'E1', code: '重大-大气(Q2-M2-E1)' },
  water: { level: '一般', riskLevel: 'GENERAL', q: 2, qClass: 'Q1', m: 10, mClass: 'M1', e: 'E3', code: '一般-水(Q1-M1-E3)' },
};

describe('a grade explained step by step', () => {
  it('walks Q, M, E and the matrix for each medium, then the higher level and the code', () => {
    expect(gradeSteps(grade).map((step) => step.key)).toEqual([
      'grading.q', 'grading.m', 'grading.e', 'grading.matrix',
      'grading.q', 'grading.m', 'grading.e', 'grading.matrix',
      'grading.higher', 'grading.code',
    ]);
    expect(gradeSteps(grade)[0].values).toEqual({ medium: 'air', q: 12.5, qClass: 'Q2' });
    expect(gradeSteps(grade)[8].values).toEqual({ level: 'MAJOR' });
  });

  it('stops at Q for a medium without risk substances', () => {
    const dry = { ...grade, water: { level: '一般', riskLevel: 'GENERAL', q: 0, qClass: 'Q0', code: '一般-水(Q0)' } } as GradeView;
    const water = gradeSteps(dry).filter((step) => step.values.medium === 'water');
    expect(water).toEqual([{ key: 'grading.noSubstances', values: { medium: 'water', q: 0, level: 'GENERAL' } }]);
  });

  it('says when an incident or penalty raised the level', () => {
    const raised = { ...grade, riskLevel: 'LARGER', matrixLevel: '一般', raised: true } as GradeView;
    const steps = gradeSteps(raised);
    expect(steps.find((step) => step.key === 'grading.higher')?.values).toEqual({ level: 'GENERAL' });
    expect(steps.find((step) => step.key === 'grading.raised')?.values).toEqual({ level: 'LARGER' });
  });
});

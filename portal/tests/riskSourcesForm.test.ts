import { describe, expect, it } from 'vitest';
import { riskSourcesBodyOf, riskSourcesFormOf, validateRiskSources, type RiskSourcesForm } from '../src/app/riskSourcesForm';
import type { RiskSourcesView } from '../src/api/types';

const ungraded: RiskSourcesView = {
  enterpriseId: 'E-430602-0001', substances: [], processUnits: [], air: null, water: null,
  lastPenaltyOrIncident: null, penaltyOrIncidentNote: null, riskLevel: null, riskCode: null, gradedAt: null,
  grade: null, version: 3,
};

const graded: RiskSourcesView = {
  ...ungraded,
  substances: [{ cas: '68334-30-5', name: { zh: '柴油', en: 'Diesel' }, maxQuantity: 20, criticalQuantity: 2500, unit: 't', media: ['WATER'] }],
  processUnits: [{ name: '储罐区', process: 'STORAGE', sets: 2, points: 10 }],
  air: { controlScore: 0, e: 'E2', reasons: ['城区'] },
  water: { controlScore: 10, e: 'E2', reasons: ['雨水排入东风湖', '下游 3 km 无取水口'] },
  lastPenaltyOrIncident: '2024-05-06',
  penaltyOrIncidentNote: '岳环罚〔2024〕12号',
};

function filled(change: (form: RiskSourcesForm) => void): RiskSourcesForm {
  const form = riskSourcesFormOf(graded);
  change(form);
  return form;
}

describe('the risk sources form', () => {
  it('starts empty for an enterprise never graded and asks for both media', () => {
    const form = riskSourcesFormOf(ungraded);
    expect(form).toEqual({
      substances: [], processUnits: [],
      air: { controlScore: undefined, e: '', reasons: '' },
      water: { controlScore: undefined, e: '', reasons: '' },
    });
    expect(validateRiskSources(form).map((error) => error.field)).toEqual([
      'air.controlScore', 'air.e', 'air.reasons', 'water.controlScore', 'water.e', 'water.reasons',
    ]);
  });

  it('sends back what it read unchanged, the bureau\'s penalty record included', () => {
    const form = riskSourcesFormOf(graded);
    expect(validateRiskSources(form)).toEqual([]);
    expect(riskSourcesBodyOf(form, graded)).toEqual({
      substances: [{ cas: '68334-30-5', maxQuantity: 20 }],
      processUnits: [{ name: '储罐区', process: 'STORAGE', sets: 2 }],
      air: { controlScore: 0, e: 'E2', reasons: ['城区'] },
      water: { controlScore: 10, e: 'E2', reasons: ['雨水排入东风湖', '下游 3 km 无取水口'] },
      lastPenaltyOrIncident: '2024-05-06',
      penaltyOrIncidentNote: '岳环罚〔2024〕12号',
    });
  });

  it('takes one reason per line, blank lines and spaces dropped', () => {
    const form = filled((f) => { f.air.reasons = '  居民区 \n\n学校\n'; });
    expect(riskSourcesBodyOf(form, graded).air.reasons).toEqual(['居民区', '学校']);
  });

  it.each([
    ['a substance not chosen', (f: RiskSourcesForm) => f.substances.push({ cas: '', maxQuantity: 1 }), 'substances[1].cas'],
    ['a substance twice', (f: RiskSourcesForm) => f.substances.push({ cas: '68334-30-5', maxQuantity: 1 }), 'substances[1].cas'],
    ['a negative quantity', (f: RiskSourcesForm) => { f.substances[0].maxQuantity = -1; }, 'substances[0].maxQuantity'],
    ['no quantity', (f: RiskSourcesForm) => { f.substances[0].maxQuantity = null; }, 'substances[0].maxQuantity'],
    ['a unit without a name', (f: RiskSourcesForm) => { f.processUnits[0].name = '  '; }, 'processUnits[0].name'],
    ['a unit without a process', (f: RiskSourcesForm) => { f.processUnits[0].process = ''; }, 'processUnits[0].process'],
    ['no sets', (f: RiskSourcesForm) => { f.processUnits[0].sets = 0; }, 'processUnits[0].sets'],
    ['a part of a set', (f: RiskSourcesForm) => { f.processUnits[0].sets = 1.5; }, 'processUnits[0].sets'],
    ['more than 100 sets', (f: RiskSourcesForm) => { f.processUnits[0].sets = 101; }, 'processUnits[0].sets'],
    ['a negative control score', (f: RiskSourcesForm) => { f.water.controlScore = -5; }, 'water.controlScore'],
    ['no sensitivity', (f: RiskSourcesForm) => { f.water.e = ''; }, 'water.e'],
    ['only blank reasons', (f: RiskSourcesForm) => { f.air.reasons = ' \n '; }, 'air.reasons'],
  ])('refuses %s', (_name, change, field) => {
    expect(validateRiskSources(filled(change)).map((error) => error.field)).toEqual([field]);
  });
});

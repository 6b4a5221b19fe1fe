import { describe, expect, it } from 'vitest';
import { emptyGradingForm, gradeRequestOf, validateGrading, type GradingForm } from '../src/app/gradingForm';

function form(change: (form: GradingForm) => void): GradingForm {
  const filled = emptyGradingForm();
  change(filled);
  return filled;
}

describe('the grading calculator form', () => {
  it('with nothing on site grades both media Q0 without asking for M and E', () => {
    const empty = emptyGradingForm();
    expect(validateGrading(empty)).toEqual([]);
    expect(gradeRequestOf(empty)).toEqual({ air: null, water: null, incidentInLast3Years: false });
  });

  it('sends the substances by their Appendix A key with M and E', () => {
    const filled = form((f) => {
      f.water = { substances: [{ key: '7664-93-9', quantity: 120 }], m: 15, e: 'E2' };
      f.incidentInLast3Years = true;
    });
    expect(validateGrading(filled)).toEqual([]);
    expect(gradeRequestOf(filled)).toEqual({
      air: null,
      water: { substances: [{ cas: '7664-93-9', quantity: 120 }], m: 15, e: 'E2' },
      incidentInLast3Years: true,
    });
  });

  it.each([
    ['a row without a substance', (f: GradingForm) => { f.air = { substances: [{ key: '', quantity: 1 }], m: 10, e: 'E1' }; },
      [{ field: 'air.substances[0].cas', key: 'calculator.errors.substance' }]],
    ['a negative quantity', (f: GradingForm) => { f.air = { substances: [{ key: '7782-50-5', quantity: -1 }], m: 10, e: 'E1' }; },
      [{ field: 'air.substances[0].quantity', key: 'calculator.errors.quantity' }]],
    ['a missing quantity', (f: GradingForm) => { f.air = { substances: [{ key: '7782-50-5', quantity: undefined }], m: 10, e: 'E1' }; },
      [{ field: 'air.substances[0].quantity', key: 'calculator.errors.quantity' }]],
    ['one substance twice', (f: GradingForm) => {
      f.water = { substances: [{ key: '7782-50-5', quantity: 1 }, { key: '7782-50-5', quantity: 2 }], m: 10, e: 'E1' };
    }, [{ field: 'water.substances[1].cas', key: 'calculator.errors.duplicate' }]],
    ['substances without M and E', (f: GradingForm) => { f.water = { substances: [{ key: '7782-50-5', quantity: 1 }], m: undefined, e: '' }; },
      [{ field: 'water.m', key: 'calculator.errors.mNeeded' }, { field: 'water.e', key: 'calculator.errors.eNeeded' }]],
    ['a negative M', (f: GradingForm) => { f.air = { substances: [], m: -5, e: undefined }; },
      [{ field: 'air.m', key: 'calculator.errors.m' }]],
  ] as const)('refuses %s', (_, change, errors) => {
    expect(validateGrading(form(change))).toEqual(errors);
  });
});

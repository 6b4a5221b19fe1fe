// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SubstanceQuantityRow from '../src/components/SubstanceQuantityRow.vue';
import { i18n } from '../src/i18n';
import type { RiskSubstance } from '../src/api/types';

// From risk-service's Appendix A table: the calculator's rows hold the key, which for an entry listed by
// concentration differs from its CAS number; a declaration's rows hold the CAS number.
const SUBSTANCES: RiskSubstance[] = [
  { key: '7782-50-5', cas: '7782-50-5', name: { zh: '氯', en: 'chlorine' }, criticalQuantity: 1, media: ['AIR', 'WATER'] },
  {
    key: '7647-01-0/aq37', cas: '7647-01-0', name: { zh: '盐酸(浓度≥37%)', en: 'hydrochloric acid (37 % or more)' },
    criticalQuantity: 7.5, media: ['AIR', 'WATER'],
  },
];

const row = (identifiedBy: 'key' | 'cas', substance: string) => mount(SubstanceQuantityRow, {
  props: { substances: SUBSTANCES, identifiedBy, substance, quantity: 3, substanceError: '', quantityError: '' },
  global: { plugins: [i18n] },
});

describe('a substance row', () => {
  it('shows the critical quantity of the chosen substance, found by the identifier the form holds', () => {
    expect(row('key', '7647-01-0/aq37').find('[data-test="critical-quantity"]').text()).toBe('临界量 7.5 t');
    expect(row('cas', '7647-01-0').find('[data-test="critical-quantity"]').text()).toBe('临界量 7.5 t');
    expect(row('cas', '7782-50-5').find('[data-test="critical-quantity"]').text()).toBe('临界量 1 t');
  });

  it('shows no critical quantity before a substance is chosen, or for an identifier of the other kind', () => {
    expect(row('key', '').find('[data-test="critical-quantity"]').text()).toBe('临界量 —');
    expect(row('cas', '7647-01-0/aq37').find('[data-test="critical-quantity"]').text()).toBe('临界量 —');
  });

  it('asks its form to remove it', async () => {
    const wrapper = row('key', '7782-50-5');
    await wrapper.find('button[aria-label="删除"]').trigger('click');
    expect(wrapper.emitted('remove')).toHaveLength(1);
  });
});

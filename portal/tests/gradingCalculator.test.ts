// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import GradingCalculatorView from '../src/views/GradingCalculatorView.vue';
import { i18n } from '../src/i18n';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const SUBSTANCES = [{ key: '7782-50-5', cas: '7782-50-5', name: { zh: '氯', en: 'chlorine' }, criticalQuantity: 1, media: ['AIR', 'WATER'] }];
// What risk-service answers for an enterprise without risk substances (HJ 941-2018 §4.2).
const Q0 = {
  level: '一般', letter: 'L', levelEn: 'general', riskLevel: 'GENERAL', code: '一般[一般-大气(Q0)+一般-水(Q0)]',
  matrixLevel: '一般', raised: false, standard: 'HJ 941-2018',
  air: { level: '一般', riskLevel: 'GENERAL', q: 0, qClass: 'Q0', code: '一般-大气(Q0)' },
  water: { level: '一般', riskLevel: 'GENERAL', q: 0, qClass: 'Q0', code: '一般-水(Q0)' },
};

describe('the grading calculator', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('grades what it is given, storing nothing, and explains the grade step by step', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(json(200, SUBSTANCES))
      .mockResolvedValueOnce(json(200, Q0));
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(GradingCalculatorView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();

    await wrapper.find('[data-test="grading-form"]').trigger('submit');
    await flushPromises();

    const [path, init] = fetch.mock.calls[1];
    expect(path).toBe('/api/v1/risk-assessments/grade');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ air: null, water: null, incidentInLast3Years: false });
    const steps = wrapper.findAll('[data-test="grade-steps"] li').map((step) => step.text());
    expect(steps[0]).toContain('大气：Q = 0（Q0');
    expect(steps.at(-1)).toContain('HJ 941-2018');
  });

  it('sends nothing while a substance row lacks its substance and M and E', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValueOnce(json(200, SUBSTANCES));
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(GradingCalculatorView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();

    const add = wrapper.findAll('button').find((button) => button.text() === '添加风险物质');
    await add?.trigger('click');
    await wrapper.find('[data-test="grading-form"]').trigger('submit');
    await flushPromises();

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(wrapper.findAll('.el-form-item.is-error')).toHaveLength(4);
  });
});

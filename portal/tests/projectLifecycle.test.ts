// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ProjectLifecycle from '../src/components/ProjectLifecycle.vue';
import { i18n } from '../src/i18n';
import type { Project } from '../src/api/types';

const project = { code: 'P2021-03', version: 3 } as Project;
const lifecycle = { status: 'UNDER_CONSTRUCTION', allowed: ['CANCELLED', 'COMPLETED', 'SUSPENDED'], history: [] };

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
  });
}

async function shown(editable: boolean, ...answers: Response[]) {
  const fetch = vi.fn<typeof globalThis.fetch>();
  fetch.mockResolvedValueOnce(answer(200, lifecycle));
  answers.forEach((next) => fetch.mockResolvedValueOnce(next));
  vi.stubGlobal('fetch', fetch);
  const wrapper = mount(ProjectLifecycle, { props: { project, editable }, global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, fetch };
}

const buttonTexts = () => [...document.querySelectorAll('[data-test="lifecycle"] p button')].map((button) => button.textContent?.trim());

async function moveTo(wrapper: Awaited<ReturnType<typeof shown>>['wrapper'], status: string, reason: string) {
  const button = [...document.querySelectorAll<HTMLButtonElement>('[data-test="lifecycle"] p button')]
    .find((candidate) => candidate.textContent?.trim() === status);
  button?.click();
  await flushPromises();
  const textarea = document.querySelector<HTMLTextAreaElement>('.el-dialog textarea');
  if (textarea) {
    textarea.value = reason;
    textarea.dispatchEvent(new Event('input'));
  }
  document.querySelector<HTMLFormElement>('.el-dialog form')?.dispatchEvent(new Event('submit'));
  await flushPromises();
  return wrapper;
}

// Mounting Element Plus in jsdom takes seconds on the shared build machine: more than Vitest's default 5 s.
describe('the lifecycle panel', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('offers its editors a button per allowed status, forward first', async () => {
    await shown(true);
    expect(buttonTexts()).toEqual(['完工', '暂停', '取消']);
  });

  it('offers nothing to who only reads', async () => {
    await shown(false);
    expect(buttonTexts()).toEqual([]);
  });

  it('moves the project with the reason and the version read', async () => {
    const { wrapper, fetch } = await shown(true, answer(200, { code: 'P2021-03', version: 4 }), answer(200, lifecycle));
    await moveTo(wrapper, '完工', '主体工程完工');
    const [path, init] = fetch.mock.calls[1];
    expect(path).toBe('/api/v1/projects/P2021-03/transitions');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['If-Match']).toBe('"3"');
    expect(JSON.parse(init?.body as string)).toEqual({ to: 'COMPLETED', date: null, reason: '主体工程完工' });
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('asks for a reason before sending anything', async () => {
    const { wrapper, fetch } = await shown(true);
    await moveTo(wrapper, '暂停', '');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.el-dialog .el-form-item.is-error')?.textContent).toContain('原因');
  });

  it('says someone else changed the project on a 412, and what the service refused on a 409', async () => {
    const first = await shown(true, answer(412, { title: 'Precondition Failed', status: 412 }));
    await moveTo(first.wrapper, '完工', '主体工程完工');
    expect(document.querySelector('.el-dialog')?.textContent).toContain('该项目已被他人修改');
    first.wrapper.unmount();
    document.body.innerHTML = '';

    const second = await shown(true, answer(409, { title: 'Conflict', status: 409, detail: 'allowed: SUSPENDED, CANCELLED' }));
    await moveTo(second.wrapper, '完工', '主体工程完工');
    expect(document.querySelector('.el-dialog')?.textContent).toContain('当前状态不允许此变更');
    expect(document.querySelector('.el-dialog')?.textContent).toContain('allowed: SUSPENDED, CANCELLED');
  });
});

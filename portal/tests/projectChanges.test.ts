import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/http';
import {
  editErrors, editOf, milestoneEditOf, milestoneEntryOf, milestoneErrors, nextMilestoneKey, patchOf, refusalKey,
  transitionButtons,
} from '../src/app/projectChanges';
import type { Project } from '../src/api/types';

const project: Project = {
  code: 'P2021-03', type: '水环境治理', areaCode: 'A2021-01', name: { zh: '南湖截污', en: null }, location: '南湖',
  buildNature: '新建', startYear: 2021, completionYear: 2024, content: '截污管网 12 km',
  totalInvestment: { amount: 1200, unit: '万元' }, expectedReductions: { text: '', items: [] }, leadDepartment: 'env',
  cooperatingDepartments: [], status: 'UNDER_CONSTRUCTION',
  milestones: [{ key: 'm1', name: { zh: '开工' }, plannedDate: '2021-05-01', actualDate: null, note: null }],
  modifications: [], version: 3,
};

describe('editing a project', () => {
  it('sends nothing that did not change', () => {
    expect(patchOf(project, editOf(project))).toEqual({});
    expect(editErrors(project, editOf(project))).toEqual({});
  });

  it('sends a plain edit without a reason', () => {
    const edit = { ...editOf(project), location: '南湖东岸', nameEn: 'South Lake interception' };
    expect(patchOf(project, edit)).toEqual({ location: '南湖东岸', name: { zh: '南湖截污', en: 'South Lake interception' } });
    expect(editErrors(project, edit)).toEqual({});
  });

  it.each([
    ['the budget', { investment: 1500 }, { totalInvestment: { amount: 1500, unit: '万元' } }],
    ['the dates', { completionYear: 2025 }, { completionYear: 2025 }],
    ['the scope', { content: '截污管网 15 km' }, { content: '截污管网 15 km' }],
  ])('asks why %s changes and sends the reason along', (_, change, fields) => {
    const edit = { ...editOf(project), ...change };
    expect(editErrors(project, edit)).toEqual({ reason: 'projectEdit.errors.reason' });
    expect(patchOf(project, { ...edit, reason: '市级批复调整' })).toEqual({ ...fields, reason: '市级批复调整' });
    expect(editErrors(project, { ...edit, reason: '市级批复调整' })).toEqual({});
  });

  it('refuses empty texts, a negative budget and years outside the plan\'s', () => {
    expect(editErrors(project, { ...editOf(project), nameZh: ' ', investment: -1, startYear: 1999, completionYear: 20.5 }))
      .toEqual({
        nameZh: 'projectEdit.errors.required', investment: 'projectEdit.errors.investment',
        startYear: 'projectEdit.errors.year', completionYear: 'projectEdit.errors.year',
      });
  });
});

describe('the lifecycle buttons', () => {
  it('offer the allowed statuses, the way forward first and cancellation last', () => {
    expect(transitionButtons(['CANCELLED', 'COMPLETED', 'SUSPENDED'], true)).toEqual([
      { to: 'COMPLETED', type: 'primary' }, { to: 'SUSPENDED', type: 'warning' }, { to: 'CANCELLED', type: 'danger' },
    ]);
  });

  it('offer nothing to who may not change the project, nor once nothing is allowed', () => {
    expect(transitionButtons(['COMPLETED'], false)).toEqual([]);
    expect(transitionButtons([], true)).toEqual([]);
  });

  it.each([
    [412, 'projectEdit.conflict'], [409, 'projectEdit.transitionRefused'], [422, null], [403, null],
  ])('tell a %i as %s', (status, key) => {
    expect(refusalKey(new ApiError(status, 'x', undefined))).toBe(key);
  });
});

describe('milestones', () => {
  it('take the first free key', () => {
    expect(nextMilestoneKey(project.milestones)).toBe('m2');
    expect(nextMilestoneKey([...project.milestones, { ...project.milestones[0], key: 'm2' }])).toBe('m3');
  });

  it('record an actual date without a reason', () => {
    const existing = project.milestones[0];
    const edit = { ...milestoneEditOf(existing, project.milestones), actualDate: '2021-05-20' };
    expect(milestoneErrors(existing, edit)).toEqual({});
    expect(milestoneEntryOf(edit)).toEqual({
      name: { zh: '开工' }, plannedDate: '2021-05-01', actualDate: '2021-05-20', note: null, reason: null,
    });
  });

  it('move the planned date only with a reason', () => {
    const existing = project.milestones[0];
    const moved = { ...milestoneEditOf(existing, project.milestones), plannedDate: '2021-06-01' };
    expect(milestoneErrors(existing, moved)).toEqual({ reason: 'projectEdit.errors.reason' });
    expect(milestoneErrors(existing, { ...moved, reason: '征地延后' })).toEqual({});
  });

  it('need a name and a planned date when new', () => {
    expect(milestoneErrors(null, milestoneEditOf(null, project.milestones)))
      .toEqual({ nameZh: 'projectEdit.errors.required', plannedDate: 'projectEdit.errors.required' });
  });
});

// What an editor may change on a project, checked as project-service checks it: a PATCH carries only the fields
// that change; a change of scope, budget or dates needs a reason (it becomes a modification of the plan); the
// status moves only to the statuses GET .../transitions allows, with a reason; a milestone's planned date moves
// only with a reason.
import type { ApiError } from '../api/http';
import type { Project, ProjectStatus } from '../api/types';

export interface ProjectEdit {
  nameZh: string;
  nameEn: string;
  location: string;
  content: string;
  /** 万元 */
  investment: number | null | undefined;
  startYear: number | null | undefined;
  completionYear: number | null | undefined;
  reason: string;
}

export interface ProjectPatch {
  name?: { zh: string; en: string | null };
  location?: string;
  content?: string;
  totalInvestment?: { amount: number; unit: string };
  startYear?: number;
  completionYear?: number;
  reason?: string;
}

/** The fields whose change the service records as a modification and refuses without a reason. */
const SCOPE_BUDGET_DATES = ['content', 'totalInvestment', 'startYear', 'completionYear'] as const;

export function editOf(project: Project): ProjectEdit {
  return {
    nameZh: project.name.zh,
    nameEn: project.name.en ?? '',
    location: project.location,
    content: project.content,
    investment: Number(project.totalInvestment.amount),
    startYear: project.startYear,
    completionYear: project.completionYear,
    reason: '',
  };
}

/** The PATCH body: the changed fields only, and the reason when scope, budget or dates change. */
export function patchOf(project: Project, edit: ProjectEdit): ProjectPatch {
  const patch: ProjectPatch = {};
  const nameEn = edit.nameEn.trim() === '' ? null : edit.nameEn.trim();
  if (edit.nameZh.trim() !== project.name.zh || nameEn !== (project.name.en ?? null)) {
    patch.name = { zh: edit.nameZh.trim(), en: nameEn };
  }
  if (edit.location.trim() !== project.location) {
    patch.location = edit.location.trim();
  }
  if (edit.content.trim() !== project.content) {
    patch.content = edit.content.trim();
  }
  if (typeof edit.investment === 'number' && edit.investment !== Number(project.totalInvestment.amount)) {
    patch.totalInvestment = { amount: edit.investment, unit: project.totalInvestment.unit };
  }
  if (typeof edit.startYear === 'number' && edit.startYear !== project.startYear) {
    patch.startYear = edit.startYear;
  }
  if (typeof edit.completionYear === 'number' && edit.completionYear !== project.completionYear) {
    patch.completionYear = edit.completionYear;
  }
  if (needsReason(patch)) {
    patch.reason = edit.reason.trim();
  }
  return patch;
}

export function needsReason(patch: ProjectPatch): boolean {
  return SCOPE_BUDGET_DATES.some((field) => field in patch);
}

/** Message keys of what the form refuses, by field. */
export function editErrors(project: Project, edit: ProjectEdit): Record<string, string> {
  const errors: Record<string, string> = {};
  if (edit.nameZh.trim() === '') {
    errors.nameZh = 'projectEdit.errors.required';
  }
  if (edit.location.trim() === '') {
    errors.location = 'projectEdit.errors.required';
  }
  if (edit.content.trim() === '') {
    errors.content = 'projectEdit.errors.required';
  }
  if (typeof edit.investment !== 'number' || !Number.isFinite(edit.investment) || edit.investment < 0) {
    errors.investment = 'projectEdit.errors.investment';
  }
  for (const field of ['startYear', 'completionYear'] as const) {
    const year = edit[field];
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
      errors[field] = 'projectEdit.errors.year';
    }
  }
  if (Object.keys(errors).length === 0 && needsReason(patchOf(project, edit)) && edit.reason.trim() === '') {
    errors.reason = 'projectEdit.errors.reason';
  }
  return errors;
}

/** The order the buttons stand in: the way forward first, suspension and cancellation last. */
const STATUS_ORDER: readonly ProjectStatus[] = ['PLANNED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED', 'SUSPENDED', 'CANCELLED'];

export interface TransitionButton {
  to: ProjectStatus;
  type: 'primary' | 'warning' | 'danger';
}

/** One button per status the project may move to now; none for who may not change the project. */
export function transitionButtons(allowed: readonly ProjectStatus[], editable: boolean): TransitionButton[] {
  if (!editable) {
    return [];
  }
  return STATUS_ORDER.filter((status) => allowed.includes(status)).map((to) => ({
    to,
    type: to === 'CANCELLED' ? 'danger' : to === 'SUSPENDED' ? 'warning' : 'primary',
  }));
}

export interface MilestoneEdit {
  key: string;
  nameZh: string;
  plannedDate: string;
  actualDate: string;
  note: string;
  reason: string;
}

export interface MilestoneEntry {
  name: { zh: string };
  plannedDate: string;
  actualDate: string | null;
  note: string | null;
  reason: string | null;
}

type Milestone = Project['milestones'][number];

/** The key of a new milestone: m1, m2, … the first one the project does not use. */
export function nextMilestoneKey(milestones: readonly Milestone[]): string {
  const used = new Set(milestones.map((milestone) => milestone.key));
  let n = milestones.length + 1;
  while (used.has(`m${n}`)) {
    n += 1;
  }
  return `m${n}`;
}

export function milestoneEditOf(milestone: Milestone | null, milestones: readonly Milestone[]): MilestoneEdit {
  return milestone === null
    ? { key: nextMilestoneKey(milestones), nameZh: '', plannedDate: '', actualDate: '', note: '', reason: '' }
    : {
      key: milestone.key,
      nameZh: milestone.name.zh,
      plannedDate: milestone.plannedDate ?? '',
      actualDate: milestone.actualDate ?? '',
      note: milestone.note ?? '',
      reason: '',
    };
}

/** Message keys of what the milestone form refuses; moving an existing milestone's planned date needs a reason. */
export function milestoneErrors(existing: Milestone | null, edit: MilestoneEdit): Record<string, string> {
  const errors: Record<string, string> = {};
  if (edit.nameZh.trim() === '') {
    errors.nameZh = 'projectEdit.errors.required';
  }
  if (edit.plannedDate === '') {
    errors.plannedDate = 'projectEdit.errors.required';
  }
  if (existing !== null && existing.plannedDate !== null && edit.plannedDate !== '' && edit.plannedDate !== existing.plannedDate
    && edit.reason.trim() === '') {
    errors.reason = 'projectEdit.errors.reason';
  }
  return errors;
}

export function milestoneEntryOf(edit: MilestoneEdit): MilestoneEntry {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: { zh: edit.nameZh.trim() },
    plannedDate: edit.plannedDate,
    actualDate: edit.actualDate === '' ? null : edit.actualDate,
    note: text(edit.note),
    reason: text(edit.reason),
  };
}

/**
 * What a refused change tells the user: 412 means someone else saved the project since it was read (reload and
 * redo), 409 that the transition is no longer allowed; anything else the service's own problem.
 */
export function refusalKey(error: ApiError): string | null {
  if (error.status === 412) {
    return 'projectEdit.conflict';
  }
  if (error.status === 409) {
    return 'projectEdit.transitionRefused';
  }
  return null;
}

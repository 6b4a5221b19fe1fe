// The calls the screens make, one function each, named after what the bureau asks for.
import type { Me } from '../app/roles';
import { etagOf, get, query, request, sendFile, upload } from './http';
import { documentSlug } from '../app/filing';
import type { GradeRequest } from '../app/gradingForm';
import type { RiskSourcesBody } from '../app/riskSourcesForm';
import type { MilestoneEntry, ProjectPatch } from '../app/projectChanges';
import type {
  AirDays, AirYear, AqiCategory, GradeView, ProcessType, RiskSubstance,
  DocumentKind, Enterprise, Filing, GradingRecord, NearbyReceptors, RiskSourcesView, FilingSummary, IndicatorDetail, ListedIndicator, IndicatorProgress, ListedProject, Observation, Page, Portfolio, ProgressStatus,
  ProgressReport, ProgressSummary, Project, ProjectDetail, ProjectLifecycle, ProjectStatus, QueuedFiling, Reduction,
} from './types';

export const me = () => get<Me>('/api/v1/me');

export interface IndicatorFilter {
  category?: string;
  attribute?: string;
  department?: string;
  status?: string;
}

/** The indicators, each with its current status, which the service computes for the whole page at once. */
export const indicators = (filter: IndicatorFilter) =>
  get<Page<ListedIndicator>>(`/api/v1/indicators${query({ ...filter, size: 200 })}`);
export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'ACHIEVED', 'ON_TRACK', 'NEEDS_ACCELERATION', 'LIMITED', 'DETERIORATING', 'NOT_AVAILABLE', 'AWAITING_TARGET',
];


export const aqiCategories = (date: string) => get<AqiCategory[]>(`/api/v1/air-quality/categories${query({ date })}`);
export const airDays = (station: string, year: number) =>
  get<AirDays>(`/api/v1/air-quality/daily${query({ station, from: `${year}-01-01`, to: `${year}-12-31` })}`);
export const airYear = (station: string, year: number) =>
  get<AirYear>(`/api/v1/air-quality/annual${query({ station, year })}`);

export const indicator = (code: string) => get<IndicatorDetail>(`/api/v1/indicators/${encodeURIComponent(code)}`);
export const indicatorProgress = (code: string) =>
  get<IndicatorProgress>(`/api/v1/indicators/${encodeURIComponent(code)}/progress`);
export const indicatorSummary = () => get<ProgressSummary>('/api/v1/indicators/summary');
export const indicatorObservations = (code: string) =>
  get<Page<Observation>>(`/api/v1/indicators/${encodeURIComponent(code)}/observations${query({ size: 200 })}`);

export interface ObservationEntry {
  period: string;
  value: number;
  source: string;
  method: string;
  note: string;
}

export const enterObservation = (code: string, entry: ObservationEntry, idempotencyKey: string) =>
  request<Observation>(`/api/v1/indicators/${encodeURIComponent(code)}/observations`,
    { method: 'POST', body: entry, idempotencyKey });

export interface ImportReceipt {
  importId: string;
  imported: number;
  flagged: number;
}

export const importObservations = (file: File, contentType: string, idempotencyKey: string,
  onProgress: (percent: number) => void) =>
  sendFile<ImportReceipt>('/api/v1/indicators/observations/import',
    { method: 'POST', body: file, contentType, idempotencyKey }, onProgress);

export const approvalQueue = () =>
  get<Page<Observation>>(`/api/v1/indicators/observations${query({ status: 'SUBMITTED', size: 200 })}`);

const observationPath = (observation: Observation) =>
  `/api/v1/indicators/${encodeURIComponent(observation.indicatorCode)}/observations/${encodeURIComponent(observation.id)}`;

export const approveObservation = (observation: Observation) =>
  request<Observation>(`${observationPath(observation)}/approve`,
    { method: 'POST', ifMatch: etagOf(observation.version) });
export const returnObservation = (observation: Observation, reason: string) =>
  request<Observation>(`${observationPath(observation)}/return`,
    { method: 'POST', body: { reason }, ifMatch: etagOf(observation.version) });

export interface ProjectFilter {
  status?: string;
  scheduleStatus?: string;
  type?: string;
  department?: string;
  year?: number | null;
  delayedOnly?: boolean;
}

export const projects = (filter: ProjectFilter) =>
  get<Page<ListedProject>>(`/api/v1/projects${query({ ...filter, delayedOnly: filter.delayedOnly || undefined, size: 200 })}`);
export const project = (code: string) => get<ProjectDetail>(`/api/v1/projects/${encodeURIComponent(code)}`);
export const projectReports = (code: string) =>
  get<Page<ProgressReport>>(`/api/v1/projects/${encodeURIComponent(code)}/reports${query({ size: 200 })}`);
const projectPath = (code: string) => `/api/v1/projects/${encodeURIComponent(code)}`;

/** Changes the project's own fields; If-Match with the version read, so that nobody's change is overwritten. */
export const changeProject = (code: string, patch: ProjectPatch, ifMatch: string | null) =>
  request<ProjectDetail>(projectPath(code), { method: 'PATCH', body: patch, ifMatch });
export const projectLifecycle = (code: string) => get<ProjectLifecycle>(`${projectPath(code)}/transitions`);
export const transitionProject = (code: string, body: { to: ProjectStatus; date: string | null; reason: string },
  ifMatch: string | null) => request<Project>(`${projectPath(code)}/transitions`, { method: 'POST', body, ifMatch });
export const putMilestone = (code: string, key: string, entry: MilestoneEntry, ifMatch: string | null) =>
  request<Project>(`${projectPath(code)}/milestones/${encodeURIComponent(key)}`, { method: 'PUT', body: entry, ifMatch });

export const portfolio = () => get<Portfolio>('/api/v1/projects/portfolio');

export interface ReportEntry {
  period: string;
  physicalProgress: number;
  disbursedToDate: { amount: number; unit: '万元' };
  achievedReductionsToDate: Reduction[];
  issues: string;
}

export const reportProgress = (code: string, entry: ReportEntry, idempotencyKey: string) =>
  request<ProgressReport>(`/api/v1/projects/${encodeURIComponent(code)}/reports`,
    { method: 'POST', body: entry, idempotencyKey });

export interface EnterpriseFilter {
  name?: string;
  riskLevel?: string;
  department?: string;
  keySupervision?: boolean;
}

export const enterprises = (filter: EnterpriseFilter) =>
  get<Page<Enterprise>>(`/api/v1/enterprises${query({ ...filter, size: 200 })}`);
export const enterprise = (id: string) => get<Enterprise>(`/api/v1/enterprises/${encodeURIComponent(id)}`);
export const enterpriseRiskSources = (id: string) =>
  get<RiskSourcesView>(`/api/v1/enterprises/${encodeURIComponent(id)}/risk-sources`);
export const enterpriseGradings = (id: string) =>
  get<Page<GradingRecord>>(`/api/v1/enterprises/${encodeURIComponent(id)}/gradings${query({ size: 50 })}`);

/** HJ 941-2018 Appendix A as risk-service holds it: what the calculator's substances are chosen from. */
export const riskSubstances = () => get<RiskSubstance[]>('/api/v1/risk-assessments/substances');
export const processTypes = () => get<ProcessType[]>('/api/v1/risk-assessments/process-types');
/** Replaces the enterprise's risk sources; risk-service grades them again and answers with the new grade. */
export const saveRiskSources = (id: string, body: RiskSourcesBody, ifMatch: string | null) =>
  request<RiskSourcesView>(`/api/v1/enterprises/${encodeURIComponent(id)}/risk-sources`, { method: 'PUT', body, ifMatch });
/** Grades the given inputs; risk-service stores nothing. */
export const calculateGrade = (body: GradeRequest) =>
  request<GradeView>('/api/v1/risk-assessments/grade', { method: 'POST', body });

export const nearbyReceptors = (id: string, radiusKm: number) =>
  get<NearbyReceptors>(`/api/v1/enterprises/${encodeURIComponent(id)}/receptors${query({ radiusKm })}`);

export const filingSummary = () => get<FilingSummary>('/api/v1/emergency-plans/summary');
export interface FilingRequest {
  signedOn: string;
  declaredLevel: string;
  crossRegion: boolean;
}

const filingPath = (id: string) => `/api/v1/emergency-plans/${encodeURIComponent(id)}`;

export const filing = (id: string) => request<Filing>(filingPath(id));
export const createFiling = (body: FilingRequest, idempotencyKey: string) =>
  request<Filing>('/api/v1/emergency-plans', { method: 'POST', body, idempotencyKey });
export const changeFiling = (id: string, body: FilingRequest, ifMatch: string | null) =>
  request<Filing>(filingPath(id), { method: 'PUT', body, ifMatch });
export const uploadDocument = (id: string, kind: DocumentKind, file: File, ifMatch: string | null,
  onProgress: (percent: number) => void) =>
  upload<Filing>(`${filingPath(id)}/documents/${documentSlug(kind)}`, file, ifMatch, onProgress);
export const submitFiling = (id: string, ifMatch: string | null) =>
  request<Filing>(`${filingPath(id)}/submit`, { method: 'POST', ifMatch });
export const receiptPath = (id: string) => `${filingPath(id)}/receipt`;
export const documentPath = (id: string, kind: DocumentKind) => `${filingPath(id)}/documents/${documentSlug(kind)}`;

export const reviewQueue = () => get<Page<QueuedFiling>>(`/api/v1/emergency-plans/review-queue${query({ size: 200 })}`);
export const acceptFiling = (id: string, ifMatch: string | null) =>
  request<Filing>(`${filingPath(id)}/accept`, { method: 'POST', ifMatch });
export const returnFiling = (id: string, items: { document: DocumentKind; problem: string }[], ifMatch: string | null) =>
  request<Filing>(`${filingPath(id)}/return`, { method: 'POST', body: { items }, ifMatch });

export const filings = () => get<Page<Filing>>(`/api/v1/emergency-plans${query({ size: 200 })}`);

// The services' JSON as the portal reads it (see the README's API tour); only the fields the screens use.
import type { Amount, LocalizedName } from '../app/format';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export type ProgressStatus =
  | 'ACHIEVED' | 'ON_TRACK' | 'NEEDS_ACCELERATION' | 'LIMITED' | 'DETERIORATING' | 'NOT_AVAILABLE' | 'AWAITING_TARGET';

export interface Indicator {
  code: string;
  seq: number;
  category: string[];
  name: LocalizedName;
  unit: string;
  baseline: { year: number; value: number | null; text: string };
  target: { year: number; type: string; value: number | null; direction: string | null; text: string };
  attribute: 'BINDING' | 'EXPECTED';
  department: string;
  version: number;
}

/** An indicator as the list answers it: with its current status, null while the service computes none. */
export interface ListedIndicator extends Indicator {
  status: ProgressStatus | null;
}

export interface IndicatorDetail extends Indicator {
  observations: { period: string; value: number; observationId: string | null; derived: boolean }[];
  status: ProgressStatus | null;
}

export interface AnnualValue {
  year: number;
  value: number;
  source: 'PLAN_TABLE' | 'APPROVED_OBSERVATION' | 'DERIVED_OBSERVATION';
}

export interface IndicatorProgress {
  code: string;
  name: LocalizedName;
  unit: string;
  year: number;
  status: ProgressStatus;
  target: { year: number; type: string; value: number | null; direction: string | null; text: string };
  base: AnnualValue | null;
  latest: AnnualValue | null;
  forecast: {
    year: number;
    value: number;
    method: 'LEAST_SQUARES_LINEAR_TREND' | 'CAGR_EXTRAPOLATION' | 'LINEAR_EXTRAPOLATION';
    points: AnnualValue[];
    meetsTarget: boolean | null;
  } | null;
}

export interface ProgressSummary {
  year: number;
  indicators: number;
  counts: Record<ProgressStatus, number>;
  bindingNotOnTrack: { code: string; name: LocalizedName; status: ProgressStatus }[];
  noApprovedData: { code: string; name: LocalizedName; status: ProgressStatus }[];
}

export type ObservationStatus = 'SUBMITTED' | 'APPROVED' | 'RETURNED';

export interface Observation {
  id: string;
  indicatorCode: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  method: string;
  note: string | null;
  status: ObservationStatus;
  outlier: boolean;
  outlierReason: string | null;
  submittedBy: string;
  submittedAt: string;
  returnReason: string | null;
  version: number;
}

export type ProjectStatus = 'PLANNED' | 'UNDER_CONSTRUCTION' | 'COMPLETED' | 'ACCEPTED' | 'SUSPENDED' | 'CANCELLED';
export type ScheduleStatus = 'ON_SCHEDULE' | 'AT_RISK' | 'DELAYED' | 'OVERDUE';

export interface Reduction {
  pollutant: string;
  amount: number;
  unit: string;
}

export interface Project {
  code: string;
  type: string;
  areaCode: string;
  name: LocalizedName;
  location: string;
  buildNature: string;
  startYear: number;
  completionYear: number;
  content: string;
  totalInvestment: Amount;
  expectedReductions: { text: string; items: Reduction[] };
  leadDepartment: string;
  cooperatingDepartments: string[];
  status: ProjectStatus;
  milestones: { key: string; name: LocalizedName; plannedDate: string | null; actualDate: string | null; note: string | null }[];
  modifications: { field: string; before: string; after: string; reason: string; at: string; by: string }[];
  version: number;
}

export interface ListedProject extends Project {
  standing: {
    scheduleStatus: ScheduleStatus | null;
    slippageDays: number;
    physicalProgress: number | null;
    financialProgress: number | null;
  } | null;
}

export interface ProjectStanding {
  asOf: string;
  scheduleStatus: ScheduleStatus | null;
  reasons: LocalizedName[];
  slippageDays: number;
  physicalProgress: number | null;
  plannedProgress: number | null;
  disbursed: Amount | null;
  financialProgress: number | null;
  achievedReductions: Reduction[];
  latestReport: string | null;
}

/** GET /api/v1/projects/{code}/transitions: the status, where it may move now, and how it got here. */
export interface ProjectLifecycle {
  status: ProjectStatus;
  allowed: ProjectStatus[];
  history: { from: ProjectStatus | null; to: ProjectStatus; date: string; reason: string; at: string; by: string }[];
}

export interface ProjectDetail extends Project {
  standing: ProjectStanding | null;
}

export interface ProgressReport {
  period: string;
  physicalProgress: number;
  disbursedToDate: Amount;
  achievedReductionsToDate: Reduction[];
  issues: string | null;
  reportedAt: string;
  reportedBy: string;
}

export interface InvestmentFigures {
  projects: number;
  planned: Amount;
  plannedToDate: Amount;
  disbursed: Amount;
  financialProgress: number | null;
}

export interface Portfolio {
  asOf: string;
  projects: number;
  investment: {
    total: InvestmentFigures;
    byYear: { year: number; planned: Amount; disbursed: Amount | null }[];
  };
  byScheduleStatus: { status: ScheduleStatus; label: string; projects: number }[];
  withoutSchedule: number;
}

export type FilingStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'FILED' | 'REVISION_REQUIRED' | 'SUPERSEDED';

export interface FilingSummary {
  asOf: string;
  filingsByStatus: Record<FilingStatus, number>;
  overdueReviews: number;
  revisionRequired: number;
  checksOverdue: number;
  enterprisesByRiskLevel: Record<string, number>;
}

export type DocumentKind = 'FILING_FORM' | 'PLAN' | 'RISK_ASSESSMENT' | 'RESOURCE_SURVEY' | 'EXPERT_REVIEW';

export interface FiledDocument {
  kind: DocumentKind;
  filename: string;
  type: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ReturnNotice {
  items: { document: DocumentKind; problem: string }[];
  refileBy: string | null;
  issuedAt: string;
  issuedBy: string;
}

export interface Filing {
  id: string;
  enterpriseId: string;
  enterpriseName: LocalizedName | null;
  status: FilingStatus;
  signedOn: string | null;
  declaredLevel: RiskLevel | null;
  crossRegion: boolean;
  documents: FiledDocument[];
  returnNotices: ReturnNotice[];
  filingDueOn: string | null;
  checkDueOn: string | null;
  late: boolean | null;
  filingNumber: string | null;
  filedOn: string | null;
  nextReviewDueOn: string | null;
  createdAt: string;
}

export type RiskLevel = 'GENERAL' | 'LARGER' | 'MAJOR';

export interface Enterprise {
  id: string;
  name: LocalizedName;
  creditCode: string;
  address: string;
  location: { longitude: number; latitude: number } | null;
  industry: { code: string; name: string } | null;
  contacts: { name: string; phone: string; email: string | null }[];
  supervisingDepartment: string;
  keySupervision: boolean;
  riskLevel: RiskLevel | null;
  riskCode: string | null;
  gradedAt: string | null;
  version: number;
}

export interface MediumView {
  level: string;
  riskLevel: RiskLevel;
  q?: number;
  qClass?: 'Q0' | 'Q1' | 'Q2' | 'Q3';
  m?: number;
  mClass?: 'M1' | 'M2' | 'M3' | 'M4';
  e?: 'E1' | 'E2' | 'E3';
  code: string;
}

export interface GradeView {
  level: string;
  letter: string;
  riskLevel: RiskLevel;
  code: string;
  matrixLevel: string;
  raised: boolean;
  air: MediumView | null;
  water: MediumView | null;
  standard: string;
}

/** A substance of HJ 941-2018 Appendix A with its critical quantity in tonnes and the media its Q counts in. */
export interface RiskSubstance {
  key: string;
  cas: string;
  name: LocalizedName;
  criticalQuantity: number;
  media: ('AIR' | 'WATER')[];
}

/** One medium's assessment: the risk-control score (HJ 941-2018 5.2.2 / 6.2.2), E and the reasons for them. */
export interface MediumAssessment {
  controlScore: number;
  e: 'E1' | 'E2' | 'E3';
  reasons: string[];
}

/** A production-process type of M (HJ 941-2018 table of processes) with its points per set. */
export interface ProcessType {
  code: string;
  name: LocalizedName;
  pointsPerSet: number;
}

export interface RiskSourcesView {
  enterpriseId: string;
  substances: { cas: string; name: LocalizedName; maxQuantity: number; criticalQuantity: number; unit: string; media: string[] }[];
  processUnits: { name: string; process: string; sets: number; points: number }[];
  air: MediumAssessment | null;
  water: MediumAssessment | null;
  lastPenaltyOrIncident: string | null;
  penaltyOrIncidentNote: string | null;
  version: number | null;
  riskLevel: RiskLevel | null;
  riskCode: string | null;
  gradedAt: string | null;
  grade: GradeView | null;
}

export interface GradingRecord {
  id: string;
  at: string;
  by: { username: string } | null;
  previousLevel: RiskLevel | null;
  riskLevel: RiskLevel;
  grade: GradeView;
}

/** A submitted filing in the review queue, with the working days left of the bureau's five to check it. */
export interface QueuedFiling {
  filing: Filing;
  workingDaysLeft: number;
  overdue: boolean;
  estimated: boolean;
}

export interface NearbyReceptors {
  enterpriseId: string;
  location: { longitude: number; latitude: number };
  radiusKm: number;
  total: number;
  items: {
    code: string;
    name: LocalizedName;
    type: string;
    location: { longitude: number; latitude: number };
    approximate: boolean;
    distanceKm: number;
  }[];
}

/** An AQI level of HJ 633-2012 Table 2 with its colour (Appendix A), as indicator-service reads them from the standard. */
export interface AqiCategory {
  level: number;
  aqiFrom: number;
  /** null for the open top level */
  aqiTo: number | null;
  levelZh: string;
  zh: string;
  en: string;
  colour: { zh: string; en: string; rgb: string };
}

/** One station-day of GET /api/v1/air-quality/daily; AQI and category are null on a day without valid data. */
export interface AirDay {
  date: string;
  valid: boolean;
  aqi: number | null;
  category: AqiCategory | null;
  primaryPollutants: string[];
}

export interface AirDays {
  station: string;
  from: string;
  to: string;
  items: AirDay[];
}

export interface AirCompliance {
  statistic: string;
  value: number | null;
  unit: string;
  limit: number | null;
  compliant: boolean | null;
  valid: boolean;
  dailyValues: number;
  dailyLimit: number | null;
  exceedanceDays: number;
}

/** A station-year of GET /api/v1/air-quality/annual (HJ 663-2013). */
export interface AirYear {
  station: string;
  year: number;
  areaClass: 'CLASS_1' | 'CLASS_2';
  so2Mean: number | null;
  no2Mean: number | null;
  pm10Mean: number | null;
  pm25Mean: number | null;
  coP95: number | null;
  o3P90: number | null;
  validDays: number;
  goodDays: number;
  goodDayRatio: number | null;
  goodDayRatioValid: boolean;
  daysWithData: number;
  exceedanceDays: Record<string, number>;
  compliance: Record<string, AirCompliance>;
  compliant: boolean | null;
}

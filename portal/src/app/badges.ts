// Which colour a status gets: green where nothing needs doing, amber where attention helps, red where it is late.
export type BadgeType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

const TYPES: Record<string, BadgeType> = {
  ACHIEVED: 'success',
  ON_TRACK: 'success',
  NEEDS_ACCELERATION: 'warning',
  LIMITED: 'warning',
  DETERIORATING: 'danger',
  NOT_AVAILABLE: 'info',
  AWAITING_TARGET: 'info',
  ON_SCHEDULE: 'success',
  AT_RISK: 'warning',
  DELAYED: 'danger',
  OVERDUE: 'danger',
  SUBMITTED: 'warning',
  APPROVED: 'success',
  RETURNED: 'danger',
  DRAFT: 'info',
  FILED: 'success',
  REVISION_REQUIRED: 'danger',
  SUPERSEDED: 'info',
  PLANNED: 'info',
  UNDER_CONSTRUCTION: 'primary',
  COMPLETED: 'success',
  ACCEPTED: 'success',
  SUSPENDED: 'warning',
  CANCELLED: 'info',
  GENERAL: 'primary',
  LARGER: 'warning',
  MAJOR: 'danger',
  UNGRADED: 'info',
};

export function badgeType(status: string | null | undefined): BadgeType {
  return (status && TYPES[status]) || 'info';
}

/** Phases of a CSV import, in order; `applied` and `rejected` (or `failed`) are final. */
export const IMPORT_STATUSES = [
  'validating',
  'staging',
  'applying',
  'applied',
  'rejected',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Staff roles: admin does everything, content edits catalog and pages, warehouse handles stock and shipping. */

export const STAFF_ROLES = ['admin', 'content', 'warehouse'] as const;

/** One of STAFF_ROLES. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The Hono environment every API module shares: bindings plus per-request variables. */
import type { Db } from '@db/client';
import type { ReportZone } from '@db/repositories/report-rollups';
import type { RebuildProgress } from '@domain/reports/rebuild';
import type { Env } from '@worker/env';
import type { Auth } from '@worker/middleware/session';
import type { SignedIn, StaffPrincipal } from '@worker/services/identity/sessions';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    /** Lazy session lookups (worker/middleware/session). */
    auth: Auth;
    /** Set by the staff guard on /api/admin/* and /api/warehouse/*: the signed-in staff member. */
    staff?: SignedIn<StaffPrincipal>;
    /** Set by the Idempotency-Key middleware: the id the request's writes are made idempotent with. */
    idempotencyRequestId?: string;
    /** Set by a handler: a replay of this request re-reads the resource (e.g. `cart:<id>`) instead of a stored body. */
    idempotencyReplay?: string;
    /** Set by the edge cache: the page's normalised address (tracking parameters dropped), which pages render. */
    pageUrl?: string;
    /** Set on /api/admin/reports/*: the report zone as read when the rollups were made ready. */
    reportZone?: ReportZone & { rebuilding: RebuildProgress | null };
  };
}

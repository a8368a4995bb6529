/**
 * The note every report page (and the dashboard's sales) shows while the rollups are recounted in the background (a
 * time zone change, or the first use): how many months are done, and that the figures are incomplete until then. The status region is always
 * in the page, so a note that appears after the zone form is submitted (with JavaScript) is announced.
 */
import { component$ } from '@builder.io/qwik';
import type { RebuildProgress } from '@domain/reports/rebuild';

interface Props {
  timeZone: string;
  progress: RebuildProgress | null;
}

export const RebuildStatus = component$<Props>(({ timeZone, progress }) => (
  <div role="status" class="adm-status">
    {progress && (
      <div class="adm-alert">
        <p>
          <strong>
            Recounting the reports in {timeZone}: {progress.done} of {progress.total}{' '}
            {progress.total === 1 ? 'month' : 'months'} done.
          </strong>
        </p>
        <p>Figures are incomplete until it finishes. Reload the page to see how far it is.</p>
      </div>
    )}
  </div>
));

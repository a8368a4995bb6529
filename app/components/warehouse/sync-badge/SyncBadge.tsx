/**
 * An order's sync state as a badge with words and an icon shape, never colour alone. An inline component (a plain
 * function): it is redrawn with the list that holds it whenever the device's state changes.
 */
import { BADGE_LABELS, type SyncBadge as Badge } from '~/lib/warehouse/view';

const ICONS: Record<Badge, string> = { device: '●', syncing: '↻', synced: '✓', attention: '!' };

export function SyncBadge(props: { badge: Badge }) {
  return (
    <span class={`wh-badge wh-badge-${props.badge}`}>
      <span aria-hidden="true">{ICONS[props.badge]}</span> {BADGE_LABELS[props.badge]}
    </span>
  );
}

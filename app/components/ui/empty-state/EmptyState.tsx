/** A friendly "nothing here" panel with one way forward. */
import { component$, Slot } from '@builder.io/qwik';
import { Icon, type IconName } from '~/components/ui/icon/Icon';

interface Props {
  icon: IconName;
  title: string;
  /** Heading level, so the panel fits the page outline. */
  headingLevel?: 1 | 2;
}

/** Icon, heading and a slot for the message and the call to action. */
export const EmptyState = component$<Props>(({ icon, title, headingLevel = 2 }) => {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section class="empty-state">
      <Icon name={icon} />
      <Heading>{title}</Heading>
      <Slot />
    </section>
  );
});

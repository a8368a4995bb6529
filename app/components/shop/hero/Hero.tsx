/** The home page's promotional banner. */
import { component$ } from '@builder.io/qwik';

/** What the hero says; comes from a `home-hero` banner when one is scheduled, else the default copy. */
export interface HeroContent {
  eyebrow: string;
  title: string;
  body: string;
  ctaLabel: string;
  ctaHref: string;
}

/** A full-width banner with the page's h1 and two calls to action. */
export const Hero = component$<{ content: HeroContent; secondaryHref: string }>(
  ({ content, secondaryHref }) => (
    <section class="hero" aria-labelledby="hero-title">
      <span class="badge badge-soft hero-eyebrow">{content.eyebrow}</span>
      <h1 id="hero-title">{content.title}</h1>
      <p>{content.body}</p>
      <div class="hero-actions">
        <a class="btn btn-accent" href={content.ctaHref}>
          {content.ctaLabel}
        </a>
        <a class="btn btn-secondary" href={secondaryHref}>
          Browse new arrivals
        </a>
      </div>
    </section>
  ),
);

/** Ambient module types for the Qwik City build. */
declare module '@qwik-city-plan' {
  import type { QwikCityPlan } from '@builder.io/qwik-city';

  const plan: QwikCityPlan;
  export default plan;
}

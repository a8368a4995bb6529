/** Types for scripts/chromium.mjs (imported by playwright.config.ts). An environment is any name → value map. */
type Environment = Record<string, string | undefined>;
export function findChromium(env?: Environment): string | null;
export function findAptGet(env?: Environment): string | null;
export function canInstallChromium(options?: { env?: Environment; uid?: number }): boolean;
export const NO_CHROMIUM_MESSAGE: string;

/** Types for scripts/chromium.mjs (imported by playwright.config.ts). */
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
export function findAptGet(env?: NodeJS.ProcessEnv): string | null;
export function canInstallChromium(options?: { env?: NodeJS.ProcessEnv; uid?: number }): boolean;
export const NO_CHROMIUM_MESSAGE: string;

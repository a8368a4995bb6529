/** The SKU rule, for the API, the Durable Objects, the pages and the service worker alike. */
import { z } from 'zod';

/** Longest SKU accepted anywhere (column, URL segment, Durable Object name). */
export const MAX_SKU_LENGTH = 64;

/**
 * A stock-keeping unit: letters, digits, `.`, `_` and `-`, starting with a letter or digit. Merchants bring SKUs
 * from other systems, so case and punctuation are kept as given; what is excluded is what breaks a URL path segment.
 */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** SKU_PATTERN and MAX_SKU_LENGTH as a schema (Qwik City forms build theirs with its own zod from the same two). */
export const SkuSchema = z
  .string()
  .min(1)
  .max(MAX_SKU_LENGTH)
  .regex(SKU_PATTERN, 'SKU may hold only letters, digits, ".", "_" and "-".');

/** Geometry for the admin's server-rendered SVG charts: axis ticks, scales, path strings, label thinning. */

/** Options for niceTicks. */
export interface TickOptions {
  /** The smallest step worth showing: 1 for counts, one whole currency unit for money (no "$0.20" gridlines). */
  minStep?: number;
}

/** Tells floating-point noise from a real fraction when comparing to a tick step. */
const EPSILON = 1e-9;

/**
 * About `count` round tick values (steps of 1, 2 or 5 × 10ⁿ) covering [min, max] and always 0, so a cut-off axis
 * never exaggerates a change. All-zero data gets [0, one step] so a flat line still has an axis; non-finite input
 * counts as 0.
 */
export function niceTicks(min: number, max: number, count = 5, options: TickOptions = {}): number[] {
  const a = Number.isFinite(min) ? min : 0;
  const b = Number.isFinite(max) ? max : 0;
  const lo = Math.min(a, b, 0);
  let hi = Math.max(a, b, 0);
  const minStep = options.minStep && options.minStep > 0 ? options.minStep : 0;
  if (lo === hi) hi = minStep || 1;
  const { factor, power } = stepOf((hi - lo) / Math.max(1, count));
  const nice = factor * 10 ** power;
  const step = Math.max(nice, minStep);
  const first = Math.floor(lo / step + EPSILON);
  const last = Math.ceil(hi / step - EPSILON);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    // Dividing by a power of ten keeps 3 × 0.1 from printing as 0.30000000000000004.
    const v = step === nice && power < 0 ? (k * factor) / 10 ** -power : k * step;
    ticks.push(v === 0 ? 0 : v); // no -0: Intl prints it as "-0"
  }
  return ticks;
}

/** The nice step nearest `raw`: 1, 2, 5 or 10 × 10^power (the thresholds are the geometric means, as in d3). */
function stepOf(raw: number): { factor: number; power: number } {
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  return factor === 10 ? { factor: 1, power: power + 1 } : { factor, power };
}

/** A linear map from `domain` to `range`; a zero-width domain maps everything to the middle of the range. */
export function scaleLinear(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return function scale(v: number): number {
    return span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0);
  };
}

/** Two decimals are far below a pixel and keep a 730-point path small. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * An SVG path `d` through the values at x(i), y(v). A null is a gap (no data that day): the line stops and starts
 * again. A point with no neighbour becomes a zero-length segment, which a round line cap draws as a dot.
 */
export function linePath(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let run = 0;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run === 1) d += 'h0';
      run = 0;
      return;
    }
    d += `${run === 0 ? 'M' : 'L'}${round2(x(i))},${round2(y(v))}`;
    run++;
  });
  return run === 1 ? `${d}h0` : d;
}

/**
 * Which of `count` x positions get a label when at most `max` fit: evenly spaced, always the first and the last (the
 * period's ends), the last replacing its neighbour when they would crowd each other.
 */
export function thinLabels(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (max <= 1) return [0];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (max - 1));
  const shown: number[] = [];
  for (let i = 0; i < count; i += step) shown.push(i);
  const end = count - 1;
  if (shown[shown.length - 1] !== end) {
    if (end - shown[shown.length - 1]! < step / 2 || shown.length >= max) shown.pop();
    shown.push(end);
  }
  return shown;
}

/** How many labels of `longest` characters fit side by side in `width`, with a gap of one em between them. */
export function labelsThatFit(width: number, longest: number, fontSize: number): number {
  return Math.max(1, Math.floor(width / (longest * fontSize * 0.6 + fontSize)));
}

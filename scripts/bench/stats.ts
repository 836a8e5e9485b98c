import { performance } from 'node:perf_hooks';

export interface Row { figure: string; target: string; median: string; p95: string }

export const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
export const ms = (x: number) => `${x.toFixed(3)} ms`;

export async function timeIt(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

export const timedRow = (figure: string, target: string, xs: readonly number[]): Row => ({ figure, target, median: ms(quantile(xs, 0.5)), p95: ms(quantile(xs, 0.95)) });

/**
 * Compares a check's JSON output with its expectations, keeping what was
 * found beside what was expected as evidence.
 */
import { searchJson } from '../jmespath.ts';
import type { Expectation } from '../schema.ts';

export interface Evidence {
  query: string;
  comparison: Expectation['comparison'];
  expected: Expectation['value'];
  found: unknown;
  ok: boolean;
}

/** Evaluates every expectation against `output`. */
export function evaluate(output: unknown, expect: Expectation[]): Evidence[] {
  return expect.map((e) => {
    const found = searchJson(output, e.query) ?? null;
    return {
      query: e.query,
      comparison: e.comparison,
      expected: e.value,
      found,
      ok: holds(found, e),
    };
  });
}

function holds(found: unknown, e: Expectation): boolean {
  switch (e.comparison) {
    case 'equals':
      return deepEqual(found, e.value);
    case 'not-equals':
      return !deepEqual(found, e.value);
    case 'contains':
      if (Array.isArray(found)) return found.some((item) => deepEqual(item, e.value));
      return typeof found === 'string' && typeof e.value === 'string' && found.includes(e.value);
    case 'at-least':
    case 'at-most': {
      const n = Array.isArray(found) ? found.length : found;
      if (typeof n !== 'number') return false;
      return e.comparison === 'at-least' ? n >= Number(e.value) : n <= Number(e.value);
    }
    case 'empty':
      return isEmpty(found) === e.value;
  }
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

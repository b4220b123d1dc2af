import type { LintRule } from '../types.ts';
import { reportFindings } from './query-findings.ts';

/** A query compares a field with a value the field can have. */
export const queryValue: LintRule = (ctx) => reportFindings(ctx, 'value', 'query-value');

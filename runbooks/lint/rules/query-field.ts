import type { LintRule } from '../types.ts';
import { reportFindings } from './query-findings.ts';

/** Every field a query names exists in the output, where the query looks for it. */
export const queryField: LintRule = (ctx) => reportFindings(ctx, 'field', 'query-field');

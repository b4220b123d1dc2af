import type { LintRule } from '../types.ts';
import { reportFindings } from './query-findings.ts';

/** `"x"` in a comparison is a field name; text is written `'x'`. */
export const queryQuotedIdentifier: LintRule = (ctx) =>
  reportFindings(ctx, 'quoted-identifier', 'query-quoted-identifier');

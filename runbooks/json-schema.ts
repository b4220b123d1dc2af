/**
 * The JSON Schema of a runbook, generated from the zod schema, for editors
 * and for anything that reads `runbook export`.
 */
import * as z from 'zod';
import { Runbook } from './schema.ts';

/** JSON Schema (draft 2020-12) of one runbook. */
export function runbookJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Runbook, { target: 'draft-2020-12' }),
    $id: 'runbook.schema.json',
    title: 'Runbook',
  };
}

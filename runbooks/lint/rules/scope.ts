/** Which blocks a rule applies to. */
import { code } from '../../messages.ts';
import type { LintContext } from '../types.ts';

/** How to name a block that must only read, or undefined when it may change things. */
export function readingBlock(ctx: LintContext): string | undefined {
  const { runbook } = ctx;
  if (runbook.kind === 'check') return `check ${code(runbook.id)}`;
  if (runbook.effect === 'read') return `${code('effect=read')} block ${code(runbook.id)}`;
  return undefined;
}

/** Whether the block's commands are run by the tool: checks and changes. */
export function runs(ctx: LintContext): boolean {
  return ctx.runbook.kind !== 'manual';
}

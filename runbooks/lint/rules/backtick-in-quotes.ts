import type { Word } from '../shell.ts';
import type { LintRule } from '../types.ts';
import { runs } from './scope.ts';

/** Backticks inside double quotes run a command; JMESPath literals need single quotes. */
export const backtickInQuotes: LintRule = (ctx) => {
  if (!runs(ctx)) return;
  for (const fence of ctx.fences) {
    const words: Word[] = [];
    for (const command of fence.commands) {
      words.push(...command.assignments, ...command.words, ...command.redirects);
    }
    for (const loop of fence.script.loops) words.push(...loop.list);
    const seen = new Set<number>();
    for (const word of words) {
      for (const offset of word.backticksInDouble) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        ctx.report(
          fence.at(offset),
          'backtick-in-quotes',
          'Found a backtick inside double quotes, where bash runs the text up ' +
            'to the next backtick as a command; expected plain text. For a ' +
            'JMESPath literal, put the query in single quotes ' +
            "(`` --query 'Items[?Count > `0`]' ``); for a command, write `$(...)`.",
        );
      }
    }
  }
};

import type { LintRule } from '../types.ts';
import { runs } from './scope.ts';

const prompt = /^[$%] /;
const jsonMember = /^"[^"]*"\s*:/;
const tableBorder = /^[-+|=]{3,}\s*$|^\|.*\|\s*$/;

/**
 * A command fence holds commands: a `$ ` prompt or a line of output pasted
 * with them would run as a command and fail.
 */
export const promptInCommand: LintRule = (ctx) => {
  if (!runs(ctx)) return;
  for (const fence of ctx.fences) {
    const lines = fence.text.split('\n');
    let inOutput = false;
    for (const start of fence.script.lineStarts) {
      const end = fence.text.indexOf('\n', start);
      const line = fence.text.slice(start, end === -1 ? undefined : end);
      const index = fence.text.slice(0, start).split('\n').length - 1;
      const next = (lines[index + 1] ?? '').trim();
      if (prompt.test(line)) {
        inOutput = false;
        ctx.report(
          fence.at(start),
          'prompt-in-command',
          `Found the prompt \`${line[0]} \` before a command; expected the ` +
            'command alone, since the fence runs as it is written. Remove ' +
            `\`${line[0]} \`.`,
        );
        continue;
      }
      const output =
        jsonMember.test(line) ||
        tableBorder.test(line) ||
        (/^[[{]\s*$/.test(line) && (jsonMember.test(next) || /^[[{"]/.test(next)));
      if (output && !inOutput) {
        ctx.report(
          fence.at(start),
          'prompt-in-command',
          'Found a line of output in a command fence; expected commands only, ' +
            'since the fence runs as it is written. Move the output to a ' +
            '```json or ```text fence after the command.',
        );
      }
      inOutput = output;
    }
  }
};

import { code } from '../../messages.ts';
import { closest } from '../../suggest.ts';
import { list } from '../query-types.ts';
import type { Word } from '../shell.ts';
import type { LintRule } from '../types.ts';
import { sortOptions } from './option-words.ts';

/** A parameter with fixed values gets one of them. */
export const awsEnum: LintRule = (ctx) => {
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    if (resolution.status !== 'found') continue;
    const { model } = resolution.operation;

    for (const option of sortOptions(call, resolution.operation).known) {
      const shape = option.shape;
      const item = shape?.type === 'list' ? model.shapes[shape.member?.shape ?? ''] : shape;
      const allowed = option.allowed ?? (item?.type === 'string' ? item.enum : undefined);
      if (!allowed) continue;
      for (const word of option.values) {
        for (const value of itemsOf(word, shape?.type === 'list')) {
          if (allowed.includes(value)) continue;
          const near = closest(value, allowed);
          ctx.report(
            call.fence.at(word.start),
            'aws-enum',
            `Found ${code(`--${option.written.name} ${value}`)}; expected one of ` +
              `${list(allowed)}. ` +
              (near ? `Did you mean ${code(near)}?` : 'Use one of those values.'),
          );
        }
      }
    }
  }
};

/** The fixed values a word gives: none if it expands or reads a file. */
function itemsOf(word: Word, isList: boolean): string[] {
  const value = word.value;
  if (value === undefined || /^(file|fileb|https?):\/\//.test(value)) return [];
  if (!isList) return [value];
  if (/^\s*\[/.test(value)) return [];
  return value.split(',').filter(Boolean);
}

import { code } from '../../messages.ts';
import type { LintRule } from '../types.ts';
import { sortOptions } from './option-words.ts';

const integer = /^-?\d+$/;
const number = /^-?\d+(\.\d+)?$/;
const wholeTypes = ['integer', 'long'];
const numberTypes = ['float', 'double'];

/** A value has its parameter's type: a number where one belongs, none after a flag. */
export const awsValueType: LintRule = (ctx) => {
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    if (resolution.status !== 'found') continue;
    const { model } = resolution.operation;

    for (const option of sortOptions(call, resolution.operation).known) {
      const name = option.written.name;
      if (option.takes === 'flag' && option.extra.length > 0) {
        const word = option.extra[0]!;
        const negated = name.startsWith('no-');
        const opposite = negated ? name.slice(3) : 'no-' + name;
        ctx.report(
          call.fence.at(word.start),
          'aws-value-type',
          `Found ${code(word.raw)} after ${code('--' + name)}, a flag that takes ` +
            `no value; expected the flag alone: it means ${negated ? 'false' : 'true'}` +
            (option.shape
              ? `, and ${code('--' + opposite)} means ${negated ? 'true' : 'false'}`
              : '') +
            `. Remove ${code(word.raw)}.`,
        );
        continue;
      }
      const shape = option.shape;
      const item = shape?.type === 'list' ? model.shapes[shape.member?.shape ?? ''] : shape;
      const type = option.integer ? 'integer' : item?.type;
      const pattern = wholeTypes.includes(type ?? '')
        ? integer
        : numberTypes.includes(type ?? '')
          ? number
          : undefined;
      if (!pattern) continue;
      for (const word of option.values) {
        const value = word.value;
        if (value === undefined || /^(file|fileb|https?):\/\//.test(value)) continue;
        const items = shape?.type === 'list' && !value.startsWith('[') ? value.split(',') : [value];
        const bad = items.find((v) => !pattern.test(v));
        if (bad === undefined) continue;
        ctx.report(
          call.fence.at(word.start),
          'aws-value-type',
          `Found ${code(`--${name} ${bad}`)}; expected a ` +
            `${pattern === integer ? 'whole number' : 'number'}, which ` +
            `${code('--' + name)} takes. ` +
            'Write a number, like `14`.',
        );
      }
    }
  }
};

import { shellReferences } from '../../fill.ts';
import { code } from '../../messages.ts';
import type { LintRule } from '../types.ts';
import { providedVariables, setVariables } from '../variables.ts';

/** Every variable a command reads is declared, set by the script, or provided. */
export const undeclaredParam: LintRule = (ctx) => {
  const declared = new Set(ctx.runbook.params.map((p) => p.name));
  const reported = new Set<string>();
  for (const fence of ctx.fences) {
    const set = setVariables(fence);
    for (const ref of shellReferences(fence.text)) {
      const name = ref.name;
      if (declared.has(name) || set.has(name) || providedVariables.has(name)) continue;
      if (reported.has(name)) continue;
      reported.add(name);
      ctx.report(
        fence.at(ref.start),
        'undeclared-param',
        `Found ${code('$' + name)}, which no \`::param\` of ` +
          `${code(ctx.runbook.id)} declares and this fence never sets; ` +
          'expected every value a command reads to be declared, so readers ' +
          'and the runner can fill it. Add ' +
          `${code(`::param[What ${name} is]{name=${name} type=string}`)}` +
          ', or set it in this fence before use.',
      );
    }
  }
};

/**
 * Every rule of the lint pass, with its severity and the help text that
 * SARIF readers and the `::allow` reference show.
 */
import type { Severity } from '../messages.ts';

interface RuleInfo {
  severity: Severity;
  help: string;
}

export const lintRules = {
  'aws-models-missing': {
    severity: 'warning',
    help:
      'No AWS API models were found, so commands were not checked against' +
      ' them. Pass `--models DIR`, set `RUNBOOK_AWS_MODELS`, or install ' +
      'botocore for `python3`.',
  },
  'aws-service': {
    severity: 'error',
    help: 'The service after `aws` exists in the AWS CLI.',
  },
  'aws-operation': {
    severity: 'error',
    help: 'The operation exists in the service, spelled as the AWS CLI spells it.',
  },
  'aws-option': {
    severity: 'error',
    help:
      'Every option is a parameter of the operation or a global option of' +
      ' the AWS CLI, and no stray word is left over.',
  },
  'aws-required': {
    severity: 'error',
    help: 'Every parameter the operation requires is given (or `--cli-input-json` is).',
  },
  'aws-enum': {
    severity: 'error',
    help: 'A parameter with a fixed set of values gets one of them.',
  },
  'aws-value-type': {
    severity: 'error',
    help:
      'A value has the type its parameter takes: a number where a number ' +
      'belongs, no value after a flag.',
  },
  'query-syntax': {
    severity: 'error',
    help: 'A `--query` is valid JMESPath and calls only functions JMESPath has.',
  },
  'query-field': {
    severity: 'error',
    help: "Every field a query names exists in the operation's output, at that place.",
  },
  'query-quoted-identifier': {
    severity: 'error',
    help: "Text in a query is quoted with single quotes; `\"x\"` is a field name and gives null.",
  },
  'query-value': {
    severity: 'error',
    help: 'A query compares a field with a value that field can have, of the same type.',
  },
  'expect-value-type': {
    severity: 'error',
    help:
      "An expectation compares with a value of the type the field has " +
      "(and one of its values, where they are fixed).",
  },
  'read-only-operation': {
    severity: 'error',
    help: 'A check or an `effect=read` block calls only operations that read.',
  },
  'credential-operation': {
    severity: 'error',
    help: 'A check or an `effect=read` block never issues credentials or reveals secrets.',
  },
  'hidden-failure': {
    severity: 'error',
    help:
      'A failing AWS call in a block that runs makes the block fail; its ' +
      'status is never swallowed.',
  },
  'backtick-in-quotes': {
    severity: 'error',
    help:
      'No backticks inside double quotes: bash runs them as a command. ' +
      'Use single quotes around JMESPath literals.',
  },
  'prompt-in-command': {
    severity: 'error',
    help: 'A command fence holds commands only: no `$ ` prompts and no output lines.',
  },
  'hardcoded-account-id': {
    severity: 'error',
    help: 'No 12-digit account id in a command; declare a `::param` of `type=account-id`.',
  },
  'check-output-format': {
    severity: 'error',
    help: 'A check prints JSON for its expectations: no `--output text`, `table` or `yaml`.',
  },
  'check-pagination': {
    severity: 'error',
    help: 'A check reads every page: no `--max-items`, `--no-paginate` or manual paging options.',
  },
  'undeclared-param': {
    severity: 'error',
    help:
      'Every variable a command reads is a declared `::param`, set by the' +
      ' script, or provided by the runner.',
  },
  'unused-param': {
    severity: 'warning',
    help: 'Every declared `::param` is read by a command of its block.',
  },
  'allow-rule': {
    severity: 'error',
    help: '`::allow` names a rule of this pass.',
  },
  'allow-unused': {
    severity: 'warning',
    help: '`::allow` switches off a rule that would otherwise report something in the block.',
  },
} as const satisfies Record<string, RuleInfo>;

export type LintRuleId = keyof typeof lintRules;

/** Rules that `::allow` can switch off. */
export const allowableRules = (Object.keys(lintRules) as LintRuleId[]).filter(
  (id) => !['aws-models-missing', 'allow-rule', 'allow-unused'].includes(id),
);

export function isLintRule(id: string): id is LintRuleId {
  return id in lintRules;
}

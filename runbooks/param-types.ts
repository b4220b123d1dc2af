/**
 * What a valid value looks like for each parameter type. Browser-safe: the
 * site checks what a reader types with the same rules.
 */
import type { ParamType } from './schema.ts';

interface TypeRule {
  pattern: RegExp;
  /** What a valid value looks like, for messages. */
  expected: string;
}

export const typeRules: Record<Exclude<ParamType, 'enum'>, TypeRule> = {
  'account-id': {
    pattern: /^\d{12}$/,
    expected: 'a 12-digit account id like `111122223333`',
  },
  region: {
    pattern: /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/,
    expected: 'a region code like `eu-west-1`',
  },
  arn: {
    pattern: /^arn:aws(?:-[a-z]+)*:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:\S+$/,
    expected: 'an ARN like `arn:aws:iam::111122223333:role/Audit`',
  },
  'bucket-name': {
    pattern: /^(?!xn--)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    expected: 'an S3 bucket name: 3 to 63 lower-case letters, digits, dots or hyphens',
  },
  string: { pattern: /^[\s\S]*$/, expected: 'any text' },
  integer: { pattern: /^-?(?:0|[1-9]\d*)$/, expected: 'a whole number like `90`' },
};

export interface ParamShape {
  type: ParamType;
  pattern?: string;
  values?: string[];
}

/**
 * Checks a value against a parameter's type, pattern and values. Returns
 * what was expected when the value does not fit, or undefined when it does.
 */
export function checkValue(param: ParamShape, value: string): string | undefined {
  if (param.type === 'enum') {
    const values = param.values ?? [];
    if (!values.includes(value)) {
      return 'one of ' + values.map((v) => '`' + v + '`').join(', ');
    }
  } else {
    const rule = typeRules[param.type];
    if (!rule.pattern.test(value)) return rule.expected;
  }
  if (param.pattern !== undefined && !fullMatch(param.pattern, value)) {
    return 'a value matching `' + param.pattern + '`';
  }
  return undefined;
}

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp('^(?:' + pattern + ')$', 'u').test(value);
  } catch {
    return false;
  }
}

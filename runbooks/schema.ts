/**
 * The runbook format, defined once. Attribute schemas read the strings that
 * directives carry; the runbook schema describes the typed result. Types,
 * the JSON Schema for editors and the format's reference page all come
 * from here.
 */
import * as z from 'zod';

/** Kinds of work a block describes. */
export const kinds = {
  check: 'reads state and compares it with what a correct account looks like',
  change: 'changes the account; runs only when asked to, after confirmation',
  manual: 'a step a person does by hand, for example in the console as root',
} as const;

/** Who may do the work. */
export const whos = {
  root: 'the root user of the account, signed in to the console',
  management: 'the organization management account',
  security: 'the security (audit) account, or the delegated administrator',
  'log-archive': 'the log-archive account that holds the central logs',
  any: 'any account of the organization, management or member',
} as const;

/** Whether the work reads or changes state. */
export const effects = {
  read: 'only reads; safe to run at any time',
  change: 'changes state in the account',
} as const;

/** Where the work applies. */
export const scopes = {
  account: 'once per account (global services such as IAM)',
  region: 'in one region, the one configured for the run',
  'all-regions': 'in every enabled region, each reported on its own',
} as const;

/** Maturity levels, from the day-one baseline on. */
export const levels = {
  baseline: 'the day-one baseline every account needs',
  hardening: 'the next stage, once the baseline holds',
  advanced: 'later improvements for a mature estate',
} as const;

/** Types a parameter value can have. */
export const paramTypes = {
  'account-id': 'a 12-digit AWS account id',
  region: 'an AWS region code such as `eu-west-1`',
  arn: 'an Amazon Resource Name',
  'bucket-name': 'an S3 bucket name',
  enum: 'one of the words listed in `values`',
  string: 'free text, limited by `pattern` when given',
  integer: 'a whole number',
} as const;

/** Comparisons an expectation can make. */
export const comparisons = {
  equals: 'the query result equals the value',
  'not-equals': 'the query result differs from the value',
  contains: 'the result (an array or a string) contains the value',
  'at-least': 'the result, or the length of an array result, is >= N',
  'at-most': 'the result, or the length of an array result, is <= N',
  empty: 'the result is empty or null (`empty=false`: it is not)',
} as const;

/** Types an expected value can be read as. */
export const valueTypes = {
  string: 'text, as written',
  number: 'a number such as `1` or `14`',
  boolean: '`true` or `false`',
} as const;

/** CIS AWS Foundations Benchmark versions a block may cite. */
export const cisVersions = {
  v5: 'CIS AWS Foundations Benchmark v5.0.0',
  v7: 'CIS AWS Foundations Benchmark v7.0.0',
} as const;

const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const choice = <T extends Record<string, string>>(o: T, what: string) =>
  z.enum(keysOf(o)).describe(
    `${what}: ${Object.entries(o)
      .map(([k, v]) => `\`${k}\` (${v})`)
      .join(', ')}`,
  );

export const Kind = choice(kinds, 'The kind of work');
export const Who = choice(whos, 'Who may do it');
export const Effect = choice(effects, 'Whether it reads or changes state');
export const Scope = choice(scopes, 'Where it applies');
export const Level = choice(levels, 'Maturity level');
export const ParamType = choice(paramTypes, 'Type of the value');
export const Comparison = choice(comparisons, 'How the result is compared');
export const ValueType = choice(valueTypes, 'Type of the expected value');
export const CisVersion = choice(cisVersions, 'Benchmark version');

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const paramNamePattern = /^[A-Z][A-Z0-9_]*$/;
const cisControlPattern = /^\d+(?:\.\d+){0,3}$/;
/** Numbers are written plainly: no sign but minus, no exponent, no spaces. */
export const numberPattern = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const integerPattern = /^-?(?:0|[1-9]\d*)$/;

const Id = z
  .string()
  .regex(idPattern, 'lower-case words joined by hyphens, like `root-mfa`')
  .describe('Stable id, unique across the handbook; the card anchor');

/** Splits a space-separated attribute value into words. */
const words = (s: string) => s.split(/\s+/).filter(Boolean);

const wordList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform(words)
    .pipe(z.array(item).min(1, 'at least one word'));

export const CisRef = z
  .strictObject({
    version: CisVersion,
    control: z
      .string()
      .regex(cisControlPattern)
      .describe('Control id in that version, like `1.4`'),
  })
  .describe('A CIS AWS Foundations Benchmark control');

const CisAttribute = z
  .string()
  .transform(words)
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^v\d+:\d+(?:\.\d+){0,3}$/,
          'a version and a control id, like `v5:1.4`',
        )
        .transform((w) => {
          const [version, control] = w.split(':') as [string, string];
          return { version, control };
        })
        .pipe(CisRef),
    ),
  );

/** Attributes of `:::runbook[Title]{...}`, as written. */
export const RunbookAttributes = z.strictObject({
  id: Id,
  kind: Kind,
  who: Who,
  effect: Effect,
  scope: Scope,
  level: Level,
  cis: CisAttribute.optional().describe(
    'CIS controls, space-separated, like `v5:1.4 v7:2.5`',
  ),
  fixes: wordList(Id)
    .optional()
    .describe('Ids of the checks this block fixes, space-separated'),
  'empty-on': wordList(z.string().regex(/^[A-Za-z][A-Za-z0-9.]*$/, 'an AWS error code'))
    .optional()
    .describe(
      'For checks: AWS error codes that mean nothing is configured, such as ' +
        '`NoSuchEntity`; the expectations then read an empty object',
    ),
});

/** Attributes of `::param[Description]{...}`, as written. */
export const ParamAttributes = z.strictObject({
  name: z
    .string()
    .regex(paramNamePattern, 'upper-case like `TRAIL_NAME`')
    .describe('Shell variable the commands use, like `TRAIL_NAME`'),
  type: ParamType,
  default: z.string().optional().describe('Value used when none is given'),
  pattern: z
    .string()
    .optional()
    .describe('Regular expression a value must match in full'),
  values: wordList(z.string().regex(/^[A-Za-z0-9_.:/-]+$/))
    .optional()
    .describe('For `type=enum`: the allowed words, space-separated'),
});

/** An exactly parsed number, never a loose coercion. */
const NumberAttribute = z
  .string()
  .regex(numberPattern, 'a plain number like `14`')
  .transform(Number);

/** `empty` alone, `empty=true` or `empty=false`. */
const EmptyAttribute = z
  .enum(['', 'true', 'false'])
  .transform((v) => v !== 'false');

/** Attributes of `::expect{...}`, as written. */
export const ExpectAttributes = z.strictObject({
  query: z
    .string()
    .min(1)
    .describe("JMESPath expression applied to the command's JSON output"),
  equals: z.string().optional().describe(comparisons.equals),
  'not-equals': z.string().optional().describe(comparisons['not-equals']),
  contains: z.string().optional().describe(comparisons.contains),
  'at-least': NumberAttribute.optional().describe(comparisons['at-least']),
  'at-most': NumberAttribute.optional().describe(comparisons['at-most']),
  empty: EmptyAttribute.optional().describe(comparisons.empty),
  type: ValueType.optional().describe(
    'How `equals`, `not-equals` and `contains` read their value; default `string`',
  ),
});

/** Attributes of `::see[Title]{href=...}`, as written. */
export const SeeAttributes = z.strictObject({
  href: z
    .url({ protocol: /^https$/ })
    .describe('An https link, usually to the AWS documentation'),
});

/** Attributes of `::allow{...}`, as written. */
export const AllowAttributes = z.strictObject({
  rule: z
    .string()
    .regex(idPattern, 'a rule id like `hardcoded-account-id`')
    .describe(
      'Id of the validation rule to switch off for this block, as ' +
        '`runbook validate` prints it, like `hardcoded-account-id`',
    ),
  reason: z
    .string()
    .trim()
    .min(1, 'the reason the rule does not apply')
    .describe('Why the rule does not apply here; the report keeps it'),
});

export const Position = z.strictObject({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});

export const Param = z
  .strictObject({
    name: z.string().regex(paramNamePattern),
    type: ParamType,
    description: z.string().describe('What the value is, as the reader sees it'),
    default: z.string().optional(),
    pattern: z.string().optional(),
    values: z.array(z.string()).optional(),
  })
  .describe('A typed parameter the commands read as a shell variable');

export const ExpectedValue = z.union([z.string(), z.number(), z.boolean()]);

export const Expectation = z
  .strictObject({
    query: z.string(),
    comparison: Comparison,
    value: ExpectedValue,
    line: z.number().int().min(1),
  })
  .describe("A typed claim about the check command's JSON output");

export const Command = z
  .strictObject({
    code: z.string().describe('The shell text, exactly as written'),
    lang: z.string(),
    line: z.number().int().min(1).describe('Line of its first code line'),
  })
  .describe('A fenced shell command, run under bash');

export const Reference = z.strictObject({
  title: z.string(),
  href: z.string(),
});

/** A parsed runbook block: what the site renders and the tool runs. */
export const Runbook = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    kind: Kind,
    who: Who,
    effect: Effect,
    scope: Scope,
    level: Level,
    cis: z.array(CisRef),
    fixes: z.array(Id),
    emptyOn: z
      .array(z.string())
      .describe('AWS error codes that the check reads as an empty answer'),
    description: z.string().describe('The prose of the block, as plain text'),
    params: z.array(Param),
    commands: z.array(Command),
    expect: z.array(Expectation),
    references: z.array(Reference),
    source: z
      .strictObject({ file: z.string() })
      .extend(Position.shape)
      .describe('Where the block opens, relative to the project root'),
  })
  .describe('A runbook block of the AWS Security Handbook');

export type Kind = z.infer<typeof Kind>;
export type Who = z.infer<typeof Who>;
export type ParamType = z.infer<typeof ParamType>;
export type Comparison = z.infer<typeof Comparison>;
export type Param = z.infer<typeof Param>;
export type Expectation = z.infer<typeof Expectation>;
export type Command = z.infer<typeof Command>;
export type Reference = z.infer<typeof Reference>;
export type CisRef = z.infer<typeof CisRef>;
export type Runbook = z.infer<typeof Runbook>;

export { integerPattern };

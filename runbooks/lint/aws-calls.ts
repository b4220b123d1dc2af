/**
 * Finds the AWS CLI invocations among a fence's commands and splits each
 * into its service, operation, options and their values, as written.
 */
import type { Fence } from './fence.ts';
import type { ShellCommand, Word } from './shell.ts';

/** An option as written, with the words that follow it. */
export interface WrittenOption {
  /** Without the leading `--`. */
  name: string;
  word: Word;
  /** `--name=value` gives one value; otherwise the words up to the next option. */
  values: Word[];
  /** Whether the value was attached with `=`. */
  attached: boolean;
}

/** `aws service operation`, as written, for messages. */
export function callName(call: AwsCall): string {
  return ['aws', call.service?.raw, call.operation?.raw].filter(Boolean).join(' ');
}

export interface AwsCall {
  fence: Fence;
  shell: ShellCommand;
  /** The `aws` word. */
  aws: Word;
  service?: Word;
  operation?: Word;
  /** Options written before the service, which are global ones. */
  leading: WrittenOption[];
  options: WrittenOption[];
  /** Words after the operation and before any option. */
  positionals: Word[];
}

/**
 * Words that run the command after them. A pasted prompt (`$`, `%`) is one
 * too: the prompt is reported on its own, and the command is still checked.
 */
const wrappers = new Set(['command', 'exec', 'nohup', 'time', 'env', 'sudo', '$', '%']);

/** Reads every `aws ...` command of a fence. */
export function awsCalls(fence: Fence): AwsCall[] {
  const calls: AwsCall[] = [];
  for (const shell of fence.commands) {
    const call = readCall(fence, shell);
    if (call) calls.push(call);
  }
  return calls;
}

function readCall(fence: Fence, shell: ShellCommand): AwsCall | undefined {
  let words = shell.words;
  while (words[0]?.value !== undefined && wrappers.has(words[0].value)) {
    words = words.slice(1);
    while (words[0]?.value !== undefined && /^(-|[A-Za-z_][A-Za-z0-9_]*=)/.test(words[0].value)) {
      words = words.slice(1);
    }
  }
  const aws = words[0];
  if (!aws || (aws.value !== 'aws' && !aws.value?.endsWith('/aws'))) return undefined;

  let i = 1;
  const leading: WrittenOption[] = [];
  while (i < words.length && isOption(words[i]!)) {
    const option = readOption(words, i, true);
    leading.push(option.option);
    i = option.next;
  }
  const service = words[i];
  const operation = words[i + 1];
  const call: AwsCall = {
    fence,
    shell,
    aws,
    ...(service && { service }),
    ...(operation && !isOption(operation) && { operation }),
    leading,
    options: [],
    positionals: [],
  };
  i += call.operation ? 2 : 1;
  while (i < words.length && !isOption(words[i]!)) call.positionals.push(words[i++]!);
  while (i < words.length) {
    const option = readOption(words, i, false);
    call.options.push(option.option);
    i = option.next;
  }
  return call;
}

function isOption(word: Word): boolean {
  return word.prefix.startsWith('--') && word.prefix.length > 2;
}

/** Reads an option at `i`; before the service, an option takes at most one value. */
function readOption(
  words: Word[],
  i: number,
  leading: boolean,
): { option: WrittenOption; next: number } {
  const word = words[i]!;
  const equals = word.prefix.indexOf('=');
  if (equals !== -1) {
    const name = word.prefix.slice(2, equals);
    return {
      option: { name, word, values: [valuePart(word, equals)], attached: true },
      next: i + 1,
    };
  }
  const name = (word.value ?? word.prefix).slice(2);
  const values: Word[] = [];
  let next = i + 1;
  while (next < words.length && !isOption(words[next]!)) {
    values.push(words[next]!);
    next++;
    if (leading) break;
  }
  if (leading && !takesValueBeforeService(name)) {
    next -= values.length;
    values.length = 0;
  }
  return { option: { name, word, values, attached: false }, next };
}

/** Global options that take a value, which matter before the service. */
function takesValueBeforeService(name: string): boolean {
  return [
    'output', 'query', 'region', 'profile', 'endpoint-url', 'color', 'ca-bundle',
    'cli-read-timeout', 'cli-connect-timeout', 'cli-binary-format',
  ].includes(name);
}

/** The part of `--name=value` after the `=`, as a word of its own. */
function valuePart(word: Word, equals: number): Word {
  // `equals` counts unquoted characters; it matches the raw text when the
  // option name is written plainly, which option names always are.
  const offset = word.raw.indexOf('=') + 1;
  const raw = word.raw.slice(offset);
  return {
    start: word.start + offset,
    end: word.end,
    raw,
    ...(word.value !== undefined && { value: word.value.slice(equals + 1) }),
    prefix: word.prefix.slice(equals + 1),
    quoted: word.quoted,
    substitutions: word.substitutions,
    backticksInDouble: word.backticksInDouble,
  };
}

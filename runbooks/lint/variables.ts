/**
 * Which shell variables a fence may read without a `::param`: the ones
 * the runner or bash provide, and the ones the script sets itself. The
 * runner runs each fence on its own, so a variable set in one fence is
 * not set in the next.
 */
import type { Fence } from './fence.ts';
import type { Word } from './shell.ts';

/** Variables every command may read: the runner sets them, or bash does. */
export const providedVariables: ReadonlySet<string> = new Set([
  // The run's AWS environment (see runbooks/execute/env.ts).
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_PAGER',
  'AWS_RETRY_MODE', 'AWS_MAX_ATTEMPTS', 'AWS_ENDPOINT_URL',
  // The process environment every shell has.
  'HOME', 'PATH', 'USER', 'PWD', 'OLDPWD', 'TMPDIR', 'SHELL', 'LANG', 'HOSTNAME',
  // Variables bash sets.
  'RANDOM', 'SECONDS', 'LINENO', 'BASHPID', 'BASH_VERSION', 'BASH_SOURCE',
  'PPID', 'UID', 'EUID', 'IFS', 'REPLY', 'PIPESTATUS', 'FUNCNAME', 'OPTARG',
  'OPTIND', 'MAPFILE',
]);

const declarations = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
/** Options of `read` that take a value which is not a variable name. */
const readValues = new Set(['-p', '-d', '-t', '-n', '-N', '-u', '-i']);

/** The names a fence assigns, wherever it does. */
export function setVariables(fence: Fence): Set<string> {
  const names = new Set<string>();
  const add = (word: Word | undefined) => {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word?.raw ?? '')?.[0];
    if (name) names.add(name);
  };

  for (const command of fence.commands) {
    command.assignments.forEach(add);
    const [first, ...args] = command.words;
    const name = first?.value;
    if (name && declarations.has(name)) {
      args.filter((w) => !w.raw.startsWith('-')).forEach(add);
    } else if (name === 'read') {
      for (let i = 0; i < args.length; i++) {
        const raw = args[i]!.raw;
        if (readValues.has(raw)) i++;
        else if (raw === '-a') add(args[++i]);
        else if (!raw.startsWith('-')) add(args[i]);
      }
    } else if (name === 'mapfile' || name === 'readarray') {
      add(args.filter((w) => !w.raw.startsWith('-')).pop());
    } else if (name === 'getopts') {
      add(args[1]);
    } else if (name === 'printf' && args[0]?.raw === '-v') {
      add(args[1]);
    }
  }
  const loops = [...fence.script.loops];
  for (const command of fence.commands) {
    for (const w of [...command.assignments, ...command.words]) {
      for (const sub of w.substitutions) loops.push(...sub.script.loops);
    }
  }
  for (const loop of loops) add(loop.variable);
  return names;
}

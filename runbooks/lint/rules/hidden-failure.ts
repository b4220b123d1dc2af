import { code } from '../../messages.ts';
import { callName, type AwsCall } from '../aws-calls.ts';
import type { Fence } from '../fence.ts';
import type { ShellCommand, Word } from '../shell.ts';
import type { LintContext, LintRule } from '../types.ts';
import { runs } from './scope.ts';

/**
 * The runner runs each fence under `set -euo pipefail`, so a failing call
 * stops the block, except where bash itself drops the status: a `$(...)`
 * in an argument, a declaration or a `for` list; `|| true` after the call;
 * and a pipe into a reader that quits early. Only AWS calls are looked at:
 * they are what fails in front of a live account.
 */
export const hiddenFailure: LintRule = (ctx) => {
  if (!runs(ctx)) return;
  for (const fence of ctx.fences) {
    const calls = ctx.calls.filter((c) => c.fence === fence);
    const owners = wordOwners(fence);
    for (const call of calls) {
      substituted(ctx, call, owners);
      if (ctx.runbook.kind === 'check') swallowed(ctx, call);
      cutShort(ctx, call);
    }
  }
};

type Owner =
  | { role: 'assignment' | 'argument' | 'redirect'; command: ShellCommand }
  | { role: 'for-list' };

function wordOwners(fence: Fence): Map<Word, Owner> {
  const owners = new Map<Word, Owner>();
  for (const command of fence.commands) {
    for (const w of command.assignments) owners.set(w, { role: 'assignment', command });
    for (const w of command.words) owners.set(w, { role: 'argument', command });
    for (const w of command.redirects) owners.set(w, { role: 'redirect', command });
  }
  const visitLoops = (loops: typeof fence.script.loops) => {
    for (const loop of loops) for (const w of loop.list) owners.set(w, { role: 'for-list' });
  };
  visitLoops(fence.script.loops);
  for (const command of fence.commands) {
    for (const w of [...command.assignments, ...command.words, ...command.redirects]) {
      for (const sub of w.substitutions) visitLoops(sub.script.loops);
    }
  }
  return owners;
}

const declarations = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);

function substituted(ctx: LintContext, call: AwsCall, owners: Map<Word, Owner>): void {
  const word = call.shell.parent?.word;
  if (!word) return;
  const owner = owners.get(word);
  if (!owner) return;
  const what = code(callName(call));
  let where: string;
  let fix: string;
  if (owner.role === 'for-list') {
    where =
      'in the word list of a `for` loop, where bash ignores its failure ' +
      'and the loop runs over nothing';
    fix = 'Assign the list first (`ITEMS=$(aws ...)`), then loop over `$ITEMS`.';
  } else if (owner.role === 'assignment' && owner.command.words.length === 0) {
    return;
  } else if (owner.role === 'assignment') {
    const name = owner.command.words[0]?.value ?? 'the command';
    where =
      `in an assignment for ${code(name)} alone, whose status is the ` +
      "line's, so the failure is lost";
    fix = 'Assign it on a line of its own first (`NAME=$(aws ...)`).';
  } else {
    const name = owner.command.words[0]?.value ?? '';
    if (owner.role === 'argument' && declarations.has(name)) {
      where = `given to ${code(name)}, whose own status (0) is the line's, so the failure is lost`;
      fix = `Assign first (\`NAME=$(aws ...)\`), then ${code(name + ' NAME')}.`;
    } else {
      where =
        `in ${owner.role === 'redirect' ? 'a redirection' : 'an argument'} of ` +
        `${code(name || 'a command')}, where bash ignores its failure, even with ` +
        '`set -e`, and goes on with empty text';
      fix = 'Assign it to a variable first (`NAME=$(aws ...)`), then use `"$NAME"`.';
    }
  }
  ctx.report(
    call.fence.at(call.aws.start),
    'hidden-failure',
    `Found ${what} inside \`$(...)\` ${where}; expected a failed call to ` +
      `stop the block. ${fix}`,
  );
}

const harmless = new Set(['true', ':', 'echo', 'printf']);

/** `aws ... || true` in a check turns an error into data the check reads. */
function swallowed(ctx: LintContext, call: AwsCall): void {
  let last = call.shell;
  while (['|', '|&'].includes(last.next) && last.following) last = last.following;
  const after = last.following;
  const first = after?.words[0];
  if (last.next !== '||' || !first || !harmless.has(first.value ?? '')) return;
  ctx.report(
    call.fence.at(first.start),
    'hidden-failure',
    `Found ${code('|| ' + first.value)} after ${code(callName(call))} ` +
      `in check ${code(ctx.runbook.id)}; it turns a failed call (an expired ` +
      'session, a missing permission) into output the expectations judge. ' +
      'Expected the failure to reach the runner, which reports it as an ' +
      `error. Remove ${code('|| ' + first.value)}.`,
  );
}

/** `grep` options that make it stop at the first match. */
const earlyGrep = /^-[A-Za-z]*[qlm]|^--(quiet|silent|max-count|files-with-matches)/;

/** Readers that stop before the end of their input. */
function quitsEarly(command: ShellCommand): boolean {
  const [name, ...args] = command.words.map((w) => w.value ?? '');
  if (name === 'head') return true;
  if (name === 'grep' || name === 'egrep' || name === 'fgrep') {
    return args.some((a) => earlyGrep.test(a));
  }
  return false;
}

/** `aws ... | head` kills the call with SIGPIPE, or hides what is cut off. */
function cutShort(ctx: LintContext, call: AwsCall): void {
  let next = call.shell;
  while (['|', '|&'].includes(next.next) && next.following) {
    next = next.following;
    if (!quitsEarly(next)) continue;
    const reader = next.words[0]!;
    ctx.report(
      call.fence.at(reader.start),
      'hidden-failure',
      `Found ${code(callName(call))} piped into ` +
        `${code(reader.value ?? '')}, which stops reading early: the call may ` +
        'be killed by SIGPIPE (a failure under `pipefail`) and what is cut ' +
        'off is never looked at. Expected the whole output read. Pick what ' +
        'you need with `--query` instead.',
    );
    return;
  }
}

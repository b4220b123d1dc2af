/**
 * The lint pass: checks the commands of every valid block against AWS's API
 * models and against the shell mistakes that only show in front of a live
 * account. Returns messages, and the findings `::allow` switched off with
 * the reason given; never prints.
 */
import type { Allow, Block } from '../extract.ts';
import { code, MessageSink, type Message } from '../messages.ts';
import type { Runbook } from '../schema.ts';
import { closest } from '../suggest.ts';
import { awsCalls, type AwsCall } from './aws-calls.ts';
import { allowableRules, isLintRule, lintRules } from './catalog.ts';
import { buildContext } from './context.ts';
import { readFence } from './fence.ts';
import { locateModels, ModelStore, type LocateOptions } from './models.ts';
import { blockLintRules } from './rules/index.ts';

export interface LintItem {
  file: string;
  block: Block;
  runbook: Runbook;
  /** The Markdown lines of the file. */
  lines: string[];
}

export interface LintOptions extends LocateOptions {
  /** Models already read, to share between runs. */
  store?: ModelStore;
  /** Rule ids to leave out, for tests that show a finding needs its rule. */
  skipRules?: readonly string[];
}

/** A finding that `::allow` switched off, with the reason. */
export interface SuppressedMessage extends Message {
  suppression: { reason: string; line: number; column: number };
}

export interface LintResult {
  messages: Message[];
  suppressed: SuppressedMessage[];
}

/** Lints the blocks; the models are found and read only if a block calls AWS. */
export async function lintBlocks(
  items: LintItem[],
  options: LintOptions = {},
): Promise<LintResult> {
  const prepared = items.map((item) => {
    const fences = item.runbook.commands.map((command) =>
      readFence(command, indentOf(item.block, command.line)),
    );
    return { item, fences, calls: fences.flatMap(awsCalls) };
  });

  const messages: Message[] = [];
  const firstCall = prepared.find((p) => p.calls.some(callsApi));
  let store = options.store;
  if (!store && firstCall) {
    const location = await locateModels(options);
    if (location.dir !== undefined) {
      store = new ModelStore(location.dir);
    } else {
      const call = firstCall.calls.find(callsApi)!;
      const at = call.fence.at(call.aws.start);
      messages.push({
        file: firstCall.item.file,
        ...at,
        severity: lintRules['aws-models-missing'].severity,
        ruleId: 'aws-models-missing',
        message:
          `Found AWS CLI commands, but ${location.problem}, so they were not ` +
          'checked against the API models; expected the models, to check ' +
          'services, operations, options and queries. Pass ' +
          `${code('--models DIR')}, set ${code('RUNBOOK_AWS_MODELS')}, or ` +
          `install botocore (${code('pip install botocore')}). The other rules ran.`,
      });
    }
  }

  const suppressed: SuppressedMessage[] = [];
  const skip = new Set(options.skipRules ?? []);
  for (const { item, fences, calls } of prepared) {
    const sink = new MessageSink(item.file);
    const ctx = buildContext({ ...item, fences, calls, sink, ...(store && { models: store }) });
    for (const [id, rule] of blockLintRules) {
      if (!skip.has(id)) rule(ctx);
    }
    const result = applyAllows(sink.messages, item.block.allows, item.file);
    messages.push(...result.messages);
    suppressed.push(...result.suppressed);
  }
  return { messages, suppressed };
}

function callsApi(call: AwsCall): boolean {
  return call.service?.value !== undefined && call.operation !== undefined;
}

/** How far the fence that holds the code starting at `line` is indented. */
function indentOf(block: Block, line: number): number {
  const node = block.node.children.find(
    (c) => c.type === 'code' && (c.position?.start.line ?? 0) + 1 === line,
  );
  return (node?.position?.start.column ?? 1) - 1;
}

/** Moves the findings of allowed rules aside and reports allows that did nothing. */
function applyAllows(
  found: Message[],
  allows: Allow[],
  file: string,
): LintResult {
  const sink = new MessageSink(file);
  const used = new Set<Allow>();
  const suppressed: SuppressedMessage[] = [];

  for (const message of found) {
    const allow = allows.find((a) => a.rule === message.ruleId);
    if (!allow) {
      sink.messages.push(message);
      continue;
    }
    used.add(allow);
    suppressed.push({ ...message, suppression: suppressionOf(allow) });
  }
  for (const allow of allows) {
    if (used.has(allow)) continue;
    if (!isLintRule(allow.rule) || !allowableRules.includes(allow.rule)) {
      const near = closest(allow.rule, allowableRules);
      sink.error(
        allow.ruleAt,
        'allow-rule',
        `Found ${code('::allow')} for ${code(allow.rule)}, which is not a rule ` +
          'that can be switched off; expected the id of a rule as ' +
          `${code('runbook validate')} prints it.` +
          (near ? ` Did you mean ${code(near)}?` : ' Fix the id.'),
      );
      continue;
    }
    sink.warn(
      allow.at,
      'allow-unused',
      `Found ${code('::allow')} for ${code(allow.rule)}, but the rule finds ` +
        'nothing in this block; expected it only where the rule would ' +
        'report something. Remove it.',
    );
  }
  return { messages: sink.messages, suppressed };
}

function suppressionOf(allow: Allow): SuppressedMessage['suppression'] {
  return { reason: allow.reason, line: allow.at.line, column: allow.at.column };
}

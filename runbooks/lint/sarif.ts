/**
 * Validation results as SARIF 2.1.0, the format code hosts read to show
 * findings on the lines of a guide. Findings switched off with `::allow`
 * are kept, marked as suppressed in the source with the reason.
 */
import type { Message } from '../messages.ts';
import { isLintRule, lintRules } from './catalog.ts';
import type { SuppressedMessage } from './index.ts';

export interface SarifOptions {
  /** The tool's version, as package.json has it. */
  version?: string;
}

const schema = 'https://json.schemastore.org/sarif-2.1.0.json';
const formatHelp =
  'A rule of the runbook format; docs/reference/runbook-format.md describes ' +
  'every directive and attribute.';

/** One SARIF log with one run of `runbook validate`. */
export function toSarif(
  messages: Message[],
  suppressed: SuppressedMessage[],
  options: SarifOptions = {},
): Record<string, unknown> {
  const all: Array<Message | SuppressedMessage> = [...messages, ...suppressed];
  const ids = [...new Set(all.map((m) => m.ruleId))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));

  return {
    $schema: schema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'runbook',
            ...(options.version && { version: options.version }),
            rules: ids.map(describeRule),
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results: all.map((m) => ({
          ruleId: m.ruleId,
          ruleIndex: index.get(m.ruleId),
          level: m.severity,
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: m.file },
                region: { startLine: m.line, startColumn: m.column },
              },
            },
          ],
          ...('suppression' in m && {
            suppressions: [{ kind: 'inSource', justification: m.suppression.reason }],
          }),
        })),
      },
    ],
  };
}

function describeRule(id: string): Record<string, unknown> {
  const help = isLintRule(id) ? lintRules[id].help : formatHelp;
  const level = isLintRule(id) ? lintRules[id].severity : 'error';
  return {
    id,
    shortDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level },
  };
}

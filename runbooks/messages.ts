/**
 * Problems found in a document are data: a message says where, what was
 * found, what was expected and how to fix it. The library never throws
 * them and never prints them.
 */

export type Severity = 'error' | 'warning';

export interface Point {
  line: number;
  column: number;
}

export interface Message extends Point {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  severity: Severity;
  message: string;
  ruleId: string;
}

/** Collects messages for one file. */
export class MessageSink {
  readonly messages: Message[] = [];

  constructor(readonly file: string) {}

  /** Records an error at `at`. */
  error(at: Point, ruleId: string, message: string): void {
    this.push(at, 'error', ruleId, message);
  }

  /** Records a warning at `at`. */
  warn(at: Point, ruleId: string, message: string): void {
    this.push(at, 'warning', ruleId, message);
  }

  private push(at: Point, severity: Severity, ruleId: string, text: string) {
    this.messages.push({
      file: this.file,
      line: at.line,
      column: at.column,
      severity,
      message: text,
      ruleId,
    });
  }
}

/** Orders messages by file, then position. */
export function sortMessages(messages: Message[]): Message[] {
  return [...messages].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Formats one message the way linters do: `file:line:column  severity  message  rule`. */
export function formatMessage(m: Message): string {
  return `${m.file}:${m.line}:${m.column}  ${m.severity}  ${m.message}  ${m.ruleId}`;
}

/** Wraps a code-like value in backticks for a message. */
export function code(value: string): string {
  return '`' + value + '`';
}

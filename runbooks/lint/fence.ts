/**
 * A command fence of a block, read as bash, with a way back from any offset
 * of its text to the line and column of the Markdown it came from.
 */
import type { Point } from '../messages.ts';
import type { Command } from '../schema.ts';
import { allCommands, parseShell, type Script, type ShellCommand } from './shell.ts';

export interface Fence {
  command: Command;
  text: string;
  script: Script;
  /** Every simple command, those inside substitutions included, in order. */
  commands: ShellCommand[];
  /** The Markdown position of an offset of `text`. */
  at(offset: number): Point;
}

/**
 * Reads a fence. `indent` is the column of the fence opener less one: the
 * Markdown has that many more characters before each code line.
 */
export function readFence(command: Command, indent: number): Fence {
  const text = command.code;
  const script = parseShell(text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);

  const at = (offset: number): Point => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: command.line + low, column: offset - starts[low]! + indent + 1 };
  };
  return { command, text, script, commands: allCommands(script), at };
}

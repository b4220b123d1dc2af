import type { Block } from '../extract.ts';
import type { MessageSink, Point } from '../messages.ts';
import type { Runbook } from '../schema.ts';

/** What a rule about one block sees. */
export interface BlockContext {
  runbook: Runbook;
  block: Block;
  /** Where the block opens. */
  at: Point;
  attributeAt: Record<string, Point>;
  sink: MessageSink;
}

export type BlockRule = (ctx: BlockContext) => void;

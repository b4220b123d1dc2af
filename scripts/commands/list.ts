import { err, out, type Io } from '../io.ts';
import { load } from './validate.ts';

export interface ListOptions {
  paths: string[];
  format: 'table' | 'json';
}

const columns = ['id', 'kind', 'who', 'effect', 'scope', 'level', 'guide'] as const;

/** `runbook list`: every valid block, one per row. */
export async function list(io: Io, options: ListOptions): Promise<number> {
  const result = await load(io, options.paths);
  const rows = result.runbooks.map((r) => ({
    id: r.id,
    kind: r.kind,
    who: r.who,
    effect: r.effect,
    scope: r.scope,
    level: r.level,
    guide: r.guide.file,
  }));
  const errors = result.messages.filter((m) => m.severity === 'error').length;

  if (options.format === 'json') {
    out(io, JSON.stringify(rows, null, 2));
  } else {
    for (const line of table(rows)) out(io, line);
  }
  if (errors > 0) {
    err(io, `${errors} problem(s) hide invalid blocks from this list; run \`runbook validate\`.`);
    return 1;
  }
  return 0;
}

function table(rows: Array<Record<(typeof columns)[number], string>>): string[] {
  const widths = columns.map((c) =>
    Math.max(c.length, ...rows.map((r) => r[c].length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [
    line(columns.map((c) => c.toUpperCase())),
    ...rows.map((r) => line(columns.map((c) => r[c]))),
  ];
}

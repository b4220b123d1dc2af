/**
 * The `runbook` command line: a table of commands over the library. Each
 * command parses its options, calls a function and returns an exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { runbookJsonSchema } from '../runbooks/json-schema.ts';
import { referencePage } from '../runbooks/reference.ts';
import { exportCatalog } from './commands/export.ts';
import { list } from './commands/list.ts';
import { validate } from './commands/validate.ts';
import { err, UsageError, type Io } from './io.ts';
import { writeFileAtomic } from './write.ts';

/** Exit codes: 0 clean, 1 problems found, 2 usage or configuration. */
export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

const pathsHelp = 'Markdown files or folders to read (default: docs/)';

/** Runs the command line with `argv` (without node and script). */
export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command('runbook')
    .description('Validate, list and export the runbook blocks of the handbook.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run `runbook --help` for usage)');

  program
    .command('validate')
    .description('Report every problem in the runbook blocks; exit 1 on errors.')
    .argument('[paths...]', pathsHelp)
    .addOption(format(['pretty', 'json'], 'pretty'))
    .action(async (paths: string[], o: { format: 'pretty' | 'json' }) => {
      code = await validate(io, { paths, format: o.format });
    });

  program
    .command('list')
    .description('List every block with its id, kind, who, effect, scope, level and guide.')
    .argument('[paths...]', pathsHelp)
    .addOption(format(['table', 'json'], 'table'))
    .action(async (paths: string[], o: { format: 'table' | 'json' }) => {
      code = await list(io, { paths, format: o.format });
    });

  program
    .command('export')
    .description('Write the whole catalog as JSON; writes nothing while a block is invalid.')
    .argument('[paths...]', pathsHelp)
    .requiredOption('--out <file>', 'file to write (required; no default)')
    .option(
      '--site-url <url>',
      'URL the handbook is served at (default: `homepage` in package.json)',
    )
    .action(async (paths: string[], o: { out: string; siteUrl?: string }) => {
      code = await exportCatalog(io, { paths, out: o.out, siteUrl: o.siteUrl });
    });

  program
    .command('schema')
    .description('Write the JSON Schema of a runbook, generated from the format.')
    .option('--out <file>', 'file to write (default: stdout)')
    .action(async (o: { out?: string }) => {
      await emit(io, o.out, JSON.stringify(runbookJsonSchema(), null, 2) + '\n');
    });

  program
    .command('reference')
    .description("Write the format's reference page, generated from the format.")
    .option('--out <file>', 'file to write (default: stdout)')
    .action(async (o: { out?: string }) => {
      await emit(io, o.out, referencePage());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return failure(error, io);
  }
}

function format(choices: string[], fallback: string): Option {
  return new Option('--format <format>', 'output format')
    .choices(choices)
    .default(fallback);
}

async function emit(io: Io, file: string | undefined, text: string) {
  if (file) await writeFileAtomic(io.cwd, file, text);
  else io.stdout.write(text);
}

/** Known failures exit with their code; anything else is a bug. */
function failure(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    const helped = ['commander.helpDisplayed', 'commander.version'];
    return helped.includes(error.code) ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof UsageError) {
    err(io, `runbook: ${error.message}`);
    return error.code;
  }
  err(io, 'runbook: internal error; this is a bug, please report it with:');
  err(io, (error as Error)?.stack ?? String(error));
  err(io, `node ${process.version} on ${process.platform}`);
  return 70;
}

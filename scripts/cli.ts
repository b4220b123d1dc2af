/**
 * The `runbook` command line: a table of commands over the library. Each
 * command parses its options, calls a function and returns an exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import type { ValidateOptions } from './commands/validate.ts';
import { err, UsageError, type Io } from './io.ts';
import { writeFileAtomic } from './write.ts';

/**
 * Exit codes: 0 clean, 1 problems found or a check failed, 2 usage,
 * configuration or identity refusal, 3 a check could not run.
 */
export const exitCodes = { ok: 0, problems: 1, usage: 2, errored: 3 } as const;

const pathsHelp = 'Markdown files or folders to read (default: docs/)';

/** Runs the command line with `argv` (without node and script). */
export async function run(argv: string[], io: Io): Promise<number> {
  const state = { code: exitCodes.ok as number };
  const program = commandLine(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (error) {
    return failure(error, io);
  }
}

/**
 * The commands, their options and their actions; an action leaves its
 * exit code in `state`. The reference page of the command line is written
 * from this same table.
 */
export function commandLine(io: Io, state: { code: number }): Command {
  const program = new Command('runbook')
    .description('Validate, list, export, check and run the runbook blocks of the handbook.')
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
    .addOption(format(['pretty', 'json', 'sarif'], 'pretty'))
    .option(
      '--models <dir>',
      "AWS API models: botocore's data folder (default: RUNBOOK_AWS_MODELS, then the botocore python3 imports)",
    )
    .action(async (paths: string[], o: Pick<ValidateOptions, 'format' | 'models'>) => {
      const { validate } = await import('./commands/validate.ts');
      state.code = await validate(io, { paths, format: o.format, ...(o.models && { models: o.models }) });
    });

  program
    .command('list')
    .description('List every block with its id, kind, who, effect, scope, level and guide.')
    .argument('[paths...]', pathsHelp)
    .addOption(format(['table', 'json'], 'table'))
    .action(async (paths: string[], o: { format: 'table' | 'json' }) => {
      const { list } = await import('./commands/list.ts');
      state.code = await list(io, { paths, format: o.format });
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
      const { exportCatalog } = await import('./commands/export.ts');
      state.code = await exportCatalog(io, { paths, out: o.out, siteUrl: o.siteUrl });
    });

  const account = (c: Command) =>
    c
      .option('--profile <name>', 'AWS profile for STS and every command (default: AWS_PROFILE or the key variables)')
      .option('--region <region>', 'region for account-wide and one-region blocks (default: AWS_REGION, then the profile)')
      .option('--account <id>', 'account the credentials must belong to; refuses any other (default: none)')
      .option('--config <file>', 'account roles and parameter values (default: runbook.config.json when present)')
      .addOption(
        new Option('--param <NAME=value>', 'a parameter value; repeat for more')
          .argParser(collect)
          .default([], 'the block defaults'),
      )
      .option('--site-url <url>', 'URL of the site, for links in results (default: `homepage` in package.json)')
      .option('--timeout <seconds>', 'time limit of each check command', '60');

  account(
    program
      .command('check')
      .description('Run every read-only check against the account; exit 0 pass, 1 fail, 2 refused, 3 error.'),
  )
    .option('--regions <list>', 'regions for checks of every enabled region: `all` or a comma-separated list', 'all')
    .option('--only <ids>', 'comma-separated check ids to run (default: every check)')
    .addOption(
      new Option('--level <level>', 'run checks up to this level').choices(['baseline', 'hardening', 'advanced']).default('advanced'),
    )
    .addOption(format(['pretty', 'json', 'junit', 'markdown'], 'pretty'))
    .option('--out <file>', 'write the report to a file (default: stdout)')
    .option('--concurrency <n>', 'checks run at once', '4')
    .action(async (o: Record<string, unknown>) => {
      const { check } = await import('./commands/check.ts');
      state.code = await check(io, {
        ...(o as object),
        ...(io.env && { environment: io.env }),
        concurrency: positiveInteger('--concurrency', String(o.concurrency)),
        timeout: positiveInteger('--timeout', String(o.timeout)),
      } as Parameters<typeof check>[1]);
    });

  account(
    program
      .command('run')
      .description('Run one runbook: its checks, the steps that fix them (dry run unless --apply), the checks again.')
      .argument('<id>', 'id of a check, change or manual step'),
  )
    .addOption(new Option('--apply', 'run change steps after confirmation').default(false, 'dry run'))
    .addOption(
      new Option('--yes', 'confirm without asking; only together with --account').default(false, 'ask'),
    )
    .option('--change-timeout <seconds>', 'time limit of each change command', '300')
    .option('--regions <list>', 'regions for blocks of every enabled region: `all` or a comma-separated list', 'all')
    .action(async (id: string, o: Record<string, unknown>) => {
      const { runRunbook } = await import('./commands/run.ts');
      state.code = await runRunbook(io, {
        ...(o as object),
        ...(io.env && { environment: io.env }),
        id,
        timeout: positiveInteger('--timeout', String(o.timeout)),
        changeTimeout: positiveInteger('--change-timeout', String(o.changeTimeout)),
      } as Parameters<typeof runRunbook>[1]);
    });

  program
    .command('schema')
    .description('Write a JSON Schema generated from the code: of a runbook, or of the check report.')
    .addOption(new Option('--of <what>', 'which schema').choices(['runbook', 'report']).default('runbook'))
    .option('--out <file>', 'file to write (default: stdout)')
    .action(async (o: { of: 'runbook' | 'report'; out?: string }) => {
      const schema =
        o.of === 'report'
          ? (await import('../runbooks/execute/report.ts')).reportJsonSchema()
          : (await import('../runbooks/json-schema.ts')).runbookJsonSchema();
      await emit(io, o.out, JSON.stringify(schema, null, 2) + '\n');
    });

  program
    .command('reference')
    .description(
      'Write a generated page: the format reference, the command line, the CIS coverage table or the roadmap.',
    )
    .addOption(
      new Option('--of <page>', 'which page')
        .choices(['format', 'cli', 'cis', 'roadmap'])
        .default('format'),
    )
    .option('--out <file>', 'file to write (default: stdout)')
    .action(async (o: { of: 'format' | 'cli' | 'cis' | 'roadmap'; out?: string }) => {
      const { generatedPage } = await import('./commands/reference.ts');
      const page = await generatedPage(io, o.of);
      if (page === undefined) state.code = exitCodes.problems;
      else await emit(io, o.out, page);
    });

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses a whole number of at least 1 for `name`. */
function positiveInteger(name: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value)) {
    throw new UsageError(`Found ${name} \`${value}\`; expected a whole number of at least 1.`);
  }
  return Number(value);
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

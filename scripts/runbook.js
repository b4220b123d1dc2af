#!/usr/bin/env node
// The `runbook` command: runs the TypeScript command line directly.
import { register } from 'tsx/esm/api';

register();

// The AWS SDK warns about future Node.js versions on every run; the
// project's own requirement is in package.json `engines`.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')) {
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
  }
});
// A reader that closes early (`| head`) ends the output, not the run with a
// stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { run } = await import('./cli.ts');
process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});

import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './io.ts';

/** Writes a file whole or not at all: to a temporary name, then renamed. */
export async function writeFileAtomic(cwd: string, file: string, text: string) {
  const target = path.resolve(cwd, file);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UsageError(
      `Could not write \`${file}\` (${(error as Error).message}); expected ` +
        'a writable path in an existing folder. Choose another `--out`.',
    );
  }
}

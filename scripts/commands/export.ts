import { buildCatalog } from '../../runbooks/catalog.ts';
import { formatMessage } from '../../runbooks/messages.ts';
import { err, type Io } from '../io.ts';
import { defaultSiteUrl } from '../project.ts';
import { writeFileAtomic } from '../write.ts';
import { plural, load } from './validate.ts';

export interface ExportOptions {
  paths: string[];
  out: string;
  siteUrl?: string;
}

/** `runbook export`: writes the catalog; refuses while any block is invalid. */
export async function exportCatalog(io: Io, options: ExportOptions): Promise<number> {
  const result = await load(io, options.paths);
  const errors = result.messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) {
    for (const message of errors) err(io, formatMessage(message));
    err(io, `Wrote nothing: ${plural(errors.length, 'error')} must be fixed first.`);
    return 1;
  }
  const siteUrl = options.siteUrl ?? (await defaultSiteUrl(io.cwd));
  const catalog = buildCatalog(result.runbooks, siteUrl);
  await writeFileAtomic(io.cwd, options.out, JSON.stringify(catalog, null, 2) + '\n');
  err(io, `Wrote ${plural(catalog.runbooks.length, 'runbook')} to ${options.out}.`);
  return 0;
}

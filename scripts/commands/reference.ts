/**
 * `runbook reference --of ...`: the pages generated from the code and the
 * guides. Pages built from the guides are refused while a guide has an
 * error, so a broken block never reaches them.
 */
import { loadCisControls, coveragePage, coverageProblems } from '../../runbooks/coverage.ts';
import { referencePage } from '../../runbooks/reference.ts';
import { roadmapPage } from '../../runbooks/roadmap.ts';
import { loadRunbooks } from '../../runbooks/validate.ts';
import { cliPage } from '../cli-reference.ts';
import { err, type Io } from '../io.ts';

export type GeneratedPage = 'format' | 'cli' | 'cis' | 'roadmap';

/** The page's Markdown, or undefined after reporting why it cannot be written. */
export async function generatedPage(io: Io, which: GeneratedPage): Promise<string | undefined> {
  if (which === 'format') return referencePage();
  if (which === 'cli') return cliPage();
  const { runbooks, messages } = await loadRunbooks({ paths: ['docs'], cwd: io.cwd, lint: false });
  const problems = messages.filter((m) => m.severity === 'error');
  const controls = which === 'cis' ? loadCisControls(io.cwd) : undefined;
  if (controls) problems.push(...coverageProblems(runbooks, controls));
  if (problems.length > 0) {
    for (const m of problems) err(io, `${m.file}:${m.line}:${m.column}: ${m.message}`);
    err(io, `runbook: wrote nothing; fix the ${problems.length} problem(s) above first.`);
    return undefined;
  }
  return controls ? coveragePage(runbooks, controls) : roadmapPage(runbooks);
}

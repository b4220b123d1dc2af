/**
 * Validates every guide before the site builds, with the rules that span
 * files (duplicate ids, `fixes` targets), so a build fails exactly where
 * `runbook validate` does.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { formatMessage } from '../../runbooks/messages.ts';
import { loadRunbooks } from '../../runbooks/validate.ts';

export default function runbookValidation(context: LoadContext): Plugin {
  return {
    name: 'runbook-validation',
    getPathsToWatch: () => ['docs/**/*.{md,mdx}'],
    async loadContent() {
      const result = await loadRunbooks({
        paths: ['docs'],
        cwd: context.siteDir,
      });
      const errors = result.messages.filter((m) => m.severity === 'error');
      if (errors.length > 0) {
        throw new Error(
          `Invalid runbook blocks:\n${errors.map(formatMessage).join('\n')}`,
        );
      }
    },
  };
}

/**
 * The Markdown parser the command line uses: the same remark-directive
 * that Docusaurus resolves, with front matter and GFM as the site has them.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .freeze();

/** Parses Markdown into a syntax tree with positions. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}

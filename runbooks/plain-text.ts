/**
 * Plain text of Markdown prose that keeps its shape: paragraphs apart,
 * list items on their own lines with their numbers, code as written. Text
 * itself (ARNs, condition keys, times) stays exactly as written.
 */
import type { List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Plain text of block-level nodes, separated by blank lines. */
export function plainText(nodes: RootContent[]): string {
  return nodes
    .map(block)
    .filter((text) => text !== '')
    .join('\n\n');
}

function block(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return list(node);
    case 'code':
      return node.value;
    case 'blockquote':
      return prefix(plainText(node.children), '> ', '> ');
    case 'table':
      return node.children
        .map((row) => row.children.map((cell) => toString(cell)).join(' | '))
        .join('\n');
    case 'thematicBreak':
      return '';
    default:
      return 'children' in node ? plainText(childrenOf(node)) || toString(node) : toString(node);
  }
}

function list(node: List): string {
  const start = node.start ?? 1;
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${start + i}. ` : '- ';
      const body = plainText(item.children).replace(/\n\n/g, '\n');
      return prefix(body, marker, ' '.repeat(marker.length));
    })
    .join('\n');
}

function childrenOf(node: RootContent): RootContent[] {
  const children = (node as { children?: RootContent[] }).children ?? [];
  return children.every(isBlock) ? children : [];
}

function isBlock(node: RootContent): boolean {
  return ['paragraph', 'heading', 'list', 'code', 'blockquote', 'table', 'html',
    'containerDirective', 'leafDirective', 'thematicBreak'].includes(node.type);
}

function prefix(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (line ? (i === 0 ? first : rest) + line : line))
    .join('\n');
}

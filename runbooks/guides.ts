/**
 * Facts about a guide that the catalog reports: its title and the route
 * the site serves it at.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';

export interface Guide {
  /** Path relative to the project root. */
  file: string;
  title: string;
  /** Route on the site, like `/iam`, without the base URL. */
  route: string;
  /** `sidebar_position` from the front matter, where set. */
  position?: number;
}

interface FrontMatter {
  title?: unknown;
  slug?: unknown;
  id?: unknown;
  sidebar_position?: unknown;
}

/**
 * Describes a guide at `file` (relative to `docsDir`), served under
 * `routeBase`, the way the docs plugin routes it: the front matter `slug`
 * when set, else the path without number prefixes and extension.
 */
export function describeGuide(
  tree: Root,
  file: string,
  docsDir: string,
  routeBase = '/',
): Guide {
  const front = frontMatterOf(tree);
  const heading = tree.children.find(
    (n) => n.type === 'heading' && n.depth === 1,
  );
  const relative = file.startsWith(docsDir + '/')
    ? file.slice(docsDir.length + 1)
    : file;
  const title =
    typeof front.title === 'string'
      ? front.title
      : heading
        ? toString(heading)
        : relative;
  const position = front.sidebar_position;
  return {
    file,
    title,
    route: routeOf(relative, front, routeBase),
    ...(typeof position === 'number' && { position }),
  };
}

function routeOf(relative: string, front: FrontMatter, base: string): string {
  const parts = relative
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((p) => p.replace(/^\d+[-_.]/, ''));
  const dir = parts.slice(0, -1);
  const last = parts[parts.length - 1] ?? '';
  if (typeof front.slug === 'string') {
    const slug = front.slug.startsWith('/')
      ? front.slug
      : '/' + [...dir, front.slug].join('/');
    return join(base, slug);
  }
  const name = typeof front.id === 'string' ? front.id : last;
  const isIndex = /^(index|readme)$/i.test(name) || name === dir.at(-1);
  return join(base, '/' + [...dir, ...(isIndex ? [] : [name])].join('/'));
}

function join(base: string, path: string): string {
  const joined = (base.replace(/\/$/, '') + path).replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : '/';
}

function frontMatterOf(tree: Root): FrontMatter {
  const yaml = tree.children.find((n) => n.type === 'yaml');
  if (!yaml || !('value' in yaml)) return {};
  try {
    const data: unknown = parseYaml(yaml.value);
    return data && typeof data === 'object' ? (data as FrontMatter) : {};
  } catch {
    return {};
  }
}

/**
 * The catalog: every runbook with where it lives in the sources and on the
 * site, as `runbook export` writes it.
 */
import type { CatalogEntry } from './validate.ts';

export interface CatalogItem extends CatalogEntry {
  /** The block's anchor on the hosted site. */
  url: string;
}

export interface Catalog {
  version: 1;
  siteUrl: string;
  runbooks: CatalogItem[];
}

/** Adds site URLs to runbooks; `siteUrl` includes the base URL. */
export function buildCatalog(runbooks: CatalogEntry[], siteUrl: string): Catalog {
  return {
    version: 1,
    siteUrl,
    runbooks: runbooks.map((r) => ({ ...r, url: urlOf(r, siteUrl) })),
  };
}

/** The absolute URL of a runbook's anchor. */
export function urlOf(runbook: CatalogEntry, siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  return `${base}${runbook.guide.route}#${runbook.id}`;
}

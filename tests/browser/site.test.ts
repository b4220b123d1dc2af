/**
 * What a reader sees on the built site: the home page, the runbook cards of
 * every guide (the same blocks, in the same order, as `runbook export`
 * lists), their values, commands, copy buttons and anchors, and the format
 * reference. Needs a build: run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { Catalog, CatalogItem } from '../../runbooks/catalog.ts';
import { typeRules } from '../../runbooks/param-types.ts';
import type { Param } from '../../runbooks/schema.ts';
import { serve, type StaticServer } from './serve.ts';

const root = path.resolve(import.meta.dirname, '../..');
const buildDir = path.join(root, 'build');

const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the badges of a card say, field by field. */
const badgeLabels = {
  kind: { check: 'Check', change: 'Change', manual: 'Manual step' },
  who: {
    root: 'Root user',
    management: 'Management account',
    security: 'Security account',
    'log-archive': 'Log-archive account',
    any: 'Any account',
  },
  effect: { read: 'Reads only', change: 'Changes state' },
  scope: {
    account: 'Account-wide',
    region: 'One region',
    'all-regions': 'Every enabled region',
  },
  level: {
    baseline: 'Baseline',
    hardening: 'Hardening',
    advanced: 'Advanced',
  },
};

/** Values that no shell quoting touches, so they stand in commands as typed. */
const plainValue = /^[A-Za-z0-9_.:/-]+$/;

/** A value that fits both a bucket name and free text, and needs no quotes. */
const bucketValue = 'handbook-test-logs';

let server: StaticServer;
let browser: Browser;
let catalog: Catalog;
let guideRoutes: string[];

before(async () => {
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    throw new Error(`No built site in ${buildDir}: run npm run build first.`);
  }
  catalog = await exportCatalog();
  guideRoutes = await docRoutes();
  server = await serve(buildDir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the home page says what it is and where to start', async () => {
  await withPage(async (page) => {
    await open(page, '/');
    const main = page.getByRole('main');

    assert.equal(
      await main.getByRole('heading', { level: 1 }).textContent(),
      'AWS Security Handbook',
    );
    assert.match(
      (await main.getByRole('paragraph').first().textContent()) ?? '',
      /^One place that says how this company sets up and runs AWS securely/,
    );

    const questions = main.getByRole('list').getByRole('link');
    const targets = await questions.evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    );
    assert.ok(targets.length >= 7, 'the home page lists the questions');
    for (const target of targets) {
      assert.ok(guideRoutes.includes(target), `${target} is not a page of the handbook`);
    }

    await main.getByRole('link', { name: 'Start here', exact: true }).click();
    await eventually(async () => {
      assert.equal(new URL(page.url()).pathname, '/docs');
      assert.equal(await headingOf(page), 'Start here');
    });
  });
});

test('each guide shows the blocks `runbook export` lists', async () => {
  const routes = new Set(catalog.runbooks.map((r) => r.guide.route));
  const unbuilt = [...routes].filter((route) => !guideRoutes.includes(route));
  assert.deepEqual(unbuilt, [], 'guides with runbooks but no built page');

  await withPage(async (page) => {
    for (const route of guideRoutes) {
      await open(page, route);
      const shown = await cards(page).evaluateAll((sections) =>
        sections.map((s) => s.id),
      );
      assert.deepEqual(
        shown,
        runbooksOf(route).map((r) => r.id),
        `cards on ${route} differ from the catalog; ` +
          'if the guides changed since the last build, run npm run build first',
      );
    }
  });
});

test('a card shows its title, badges, inputs and commands', async () => {
  await withPage(async (page) => {
    for (const route of guideRoutes) {
      const runbooks = runbooksOf(route);
      if (runbooks.length === 0) continue;
      await open(page, route);

      for (const runbook of runbooks) {
        await assertCard(cardOf(page, runbook), runbook);
      }
    }
  });
});

test('typing a value into a card fills it into the command', async () => {
  const { runbook, param } = pickFillable();

  await withPage(async (page) => {
    await open(page, runbook.guide.route);
    const card = cardOf(page, runbook);
    assert.deepEqual(await commandsOf(card), expectedCommands(runbook, {}));

    await inputOf(card, param).fill(bucketValue);
    await eventually(async () => {
      assert.deepEqual(
        await commandsOf(card),
        expectedCommands(runbook, { [param.name]: bucketValue }),
      );
    });
    assert.equal(await card.getByRole('alert').count(), 0);
  });
});

test('copying puts the filled command on the clipboard', async () => {
  const { runbook, param } = pickFillable();
  const filled = expectedCommands(runbook, { [param.name]: bucketValue })!;
  const labels = commandLabels(runbook.commands.length);

  await withPage(
    async (page) => {
      await open(page, runbook.guide.route);
      const card = cardOf(page, runbook);
      await inputOf(card, param).fill(bucketValue);

      for (const [i, label] of labels.entries()) {
        const button = card.getByRole('button', {
          name: `Copy ${label.toLowerCase()}`,
          exact: true,
        });
        await button.click();
        await eventually(async () => {
          assert.equal(await clipboard(page), filled[i]);
          assert.equal(await button.textContent(), 'Copied');
        });
      }

      await card
        .getByRole('button', { name: 'Copy run command', exact: true })
        .click();
      await eventually(async () => {
        assert.equal(await clipboard(page), `npx runbook run ${runbook.id}`);
      });
    },
    { clipboard: true },
  );
});

test('a typed value with shell syntax is refused', async (t) => {
  const hostile: Record<string, string> = {
    'account-id': '111122223333; id',
    region: 'eu-west-1$(id)',
    'bucket-name': 'logs-bucket`id`',
    arn: 'arn:aws:iam::111122223333:role/Audit $(id)',
  };
  const used = new Set(catalog.runbooks.flatMap((r) => r.params));
  const types = Object.keys(hostile).filter((type) =>
    [...used].some((p) => p.type === type),
  );
  assert.notDeepEqual(types, [], 'no typed parameter in the catalog');

  for (const type of types) {
    await t.test(type, async () => {
      const { runbook, param } = pick(
        `a ${type} parameter`,
        (r, p) =>
          p.type === type &&
          expectedCommands(r, {}) !== undefined &&
          expectedCommands(withoutDefault(r, p.name), {}) !== undefined,
      );
      const expected = typeRules[type as keyof typeof typeRules].expected;

      await withPage(async (page) => {
        await open(page, runbook.guide.route);
        const card = cardOf(page, runbook);
        const input = inputOf(card, param);
        await input.fill(hostile[type]!);

        await eventually(async () => {
          assert.equal(
            await card.getByRole('alert').textContent(),
            `Not used: expected ${expected.replaceAll('`', '')}.`,
          );
        });
        assert.equal(await input.getAttribute('aria-invalid'), 'true');
        assert.deepEqual(
          await commandsOf(card),
          expectedCommands(withoutDefault(runbook, param.name), {}),
        );
      });
    });
  }
});

test('free text with shell syntax is single-quoted', async () => {
  const value = `evt-1; rm -rf ~ $(id) 'q'`;
  const { runbook, param } = pick(
    'a free string parameter written as "$NAME"',
    (r, p) =>
      p.type === 'string' &&
      !p.pattern &&
      p.default === undefined &&
      quotedCommands(r, p.name, value) !== undefined,
  );

  await withPage(async (page) => {
    await open(page, runbook.guide.route);
    const card = cardOf(page, runbook);
    await inputOf(card, param).fill(value);

    await eventually(async () => {
      assert.deepEqual(
        await commandsOf(card),
        quotedCommands(runbook, param.name, value),
      );
    });
    assert.equal(await card.getByRole('alert').count(), 0);
  });
});

test('a link to a card far down a guide scrolls to it', async () => {
  const { route, last } = longestGuide();

  await withPage(async (page) => {
    await open(page, `${route}#${last.id}`);
    await eventually(async () => {
      assert.equal(await belowNavbar(page, cardOf(page, last)), true);
    });
    assert.ok(
      await page.evaluate(() => window.scrollY > 0),
      'the page did not scroll',
    );
  });
});

test("clicking a card's title puts its anchor in the address", async () => {
  const { route, last } = longestGuide();

  await withPage(async (page) => {
    await open(page, route);
    const card = cardOf(page, last);
    await card.getByRole('heading', { level: 3 }).getByRole('link').click();

    await eventually(async () => {
      const hash = await page.evaluate(() => window.location.hash);
      assert.equal(hash, `#${last.id}`);
      assert.equal(await belowNavbar(page, card), true);
    });
  });
});

test('every page of the handbook is reachable from the sidebar', async () => {
  await withPage(async (page) => {
    await open(page, '/docs');
    const sidebar = page.locator('nav[aria-label="Docs sidebar"]');
    // Open every collapsed category until none is left.
    for (;;) {
      const collapsed = sidebar.locator('a.menu__link--sublist-caret[aria-expanded="false"], button[aria-expanded="false"]');
      if ((await collapsed.count()) === 0) break;
      await collapsed.first().click();
    }
    const linked = await sidebar.getByRole('link').evaluateAll((links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    const missing = guideRoutes.filter((route) => !linked.includes(route));
    assert.deepEqual(missing, [], 'pages the sidebar does not link');
    assert.ok(guideRoutes.length >= 16, `found ${guideRoutes.length} pages`);
  });
});

test('every page draws each of its Mermaid diagrams without an error', async () => {
  const diagrams = await mermaidSources();
  assert.ok(
    [...diagrams.values()].reduce((a, b) => a + b, 0) >= 10,
    'the guides have at least ten diagrams',
  );
  await withPage(async (page) => {
    for (const [route, count] of diagrams) {
      await open(page, route);
      await eventually(async () => {
        assert.equal(
          await page.locator('.docusaurus-mermaid-container svg').count(),
          count,
          `diagrams drawn on ${route}`,
        );
      }, 10000);
    }
  });
});

test('a Mermaid diagram is drawn as a picture', async () => {
  await withPage(async (page) => {
    await open(page, '/docs');
    const diagram = page.locator('.docusaurus-mermaid-container svg').first();
    await diagram.waitFor({ state: 'visible' });
    const box = await diagram.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 50, `diagram box ${JSON.stringify(box)}`);
    assert.match((await diagram.textContent()) ?? '', /Organization and accounts/);
    assert.doesNotMatch(
      (await page.getByRole('main').textContent()) ?? '',
      /flowchart LR/,
      'the diagram source shows as text',
    );
  });
});

test('the format reference lists every parameter type', async () => {
  await withPage(async (page) => {
    await open(page, '/docs/reference/runbook-format');
    assert.equal(await headingOf(page), 'Runbook format reference');

    const header = page.getByRole('columnheader', {
      name: 'Type',
      exact: true,
    });
    const table = page
      .getByRole('main')
      .getByRole('table')
      .filter({ has: header });
    const listed = await table
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => row.querySelector('td')?.textContent),
      );
    const used = catalog.runbooks.flatMap((r) => r.params.map((p) => p.type));
    for (const type of new Set(used)) {
      assert.ok(listed.includes(type), `type ${type} is not in the reference`);
    }
  });
});

/**
 * Runs `fn` in a fresh browser context whose requests may only reach
 * 127.0.0.1; the test fails if the page tried to go anywhere else or
 * reported an error.
 */
async function withPage(
  fn: (page: Page) => Promise<void>,
  options: { clipboard?: boolean } = {},
): Promise<void> {
  const context = await browser.newContext();
  const offsite: string[] = [];
  const errors: string[] = [];

  await blockOffsite(context, offsite);
  if (options.clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  try {
    await fn(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(offsite, [], 'the page tried to leave 127.0.0.1');
  assert.deepEqual(errors, [], 'the page reported errors');
}

async function blockOffsite(
  context: BrowserContext,
  offsite: string[],
): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/./, (socket) => {
    if (isLocal(socket.url())) return socket.connectToServer();
    offsite.push(socket.url());
    return socket.close();
  });
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1';
}

/** Opens a path of the site and waits until React has taken over the page. */
async function open(page: Page, pathname: string): Promise<void> {
  const response = await page.goto(server.url + pathname);
  assert.equal(response?.status(), 200, `GET ${pathname}`);
  await page
    .locator('html[data-has-hydrated="true"]')
    .waitFor({ state: 'attached' });
}

/** Retries `check` until it passes, for at most `timeout` milliseconds. */
async function eventually(
  check: () => Promise<void>,
  timeout = 3000,
): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function headingOf(page: Page): Promise<string | null> {
  const main = page.getByRole('main');
  return main.getByRole('heading', { level: 1 }).textContent();
}

/** The runbook cards of a page: regions that describe a step with badges. */
function cards(page: Page): Locator {
  const badges = page.getByRole('list', { name: 'About this step' });
  return page.getByRole('region').filter({ has: badges });
}

function cardOf(page: Page, runbook: CatalogItem): Locator {
  return page.getByRole('region', { name: runbook.title, exact: true });
}

function inputOf(card: Locator, param: Param): Locator {
  const name = `${param.description} ${param.name}`;
  const role = param.type === 'enum' ? 'combobox' : 'textbox';
  return card.getByRole(role, { name, exact: true });
}

/**
 * Checks everything a card shows before the reader types anything. Messages
 * name the block and hint at a stale build, the likeliest cause of a
 * difference after the guides changed.
 */
async function assertCard(card: Locator, runbook: CatalogItem): Promise<void> {
  const { id } = runbook;
  const which = `${id} (stale build? run npm run build first)`;
  const title = card.getByRole('heading', { level: 3 });
  assert.equal(await title.textContent(), runbook.title, which);
  const anchor = await title.getByRole('link').getAttribute('href');
  assert.equal(anchor, `#${id}`, which);

  const badges = card.getByRole('list', { name: 'About this step' });
  assert.deepEqual(
    await badges.getByRole('listitem').allTextContents(),
    badgesOf(runbook),
    which,
  );

  const values = card.getByRole('group', { name: 'Your values' });
  const groups = runbook.params.length > 0 ? 1 : 0;
  assert.equal(await values.count(), groups, which);
  for (const param of runbook.params) {
    const input = inputOf(values, param);
    assert.equal(await input.count(), 1, `${which}: no ${param.name}`);
  }

  // Example fences (JSON, SQL) inside a block render as plain code blocks,
  // without the label a command gets.
  const blocks = await card
    .locator('pre[aria-label]')
    .evaluateAll((pres) => pres.map((pre) => pre.getAttribute('aria-label')));
  assert.deepEqual(
    blocks,
    [...commandLabels(runbook.commands.length), 'Run command'],
    which,
  );
  assert.equal(
    await shownCommand(card.getByLabel('Run command', { exact: true })),
    `npx runbook run ${id}`,
  );
  const copyRun = card.getByRole('button', {
    name: 'Copy run command',
    exact: true,
  });
  assert.equal(await copyRun.count(), 1, which);
}

function commandLabels(count: number): string[] {
  if (count === 1) return ['Command'];
  return Array.from({ length: count }, (_, i) => `Command ${i + 1}`);
}

/** The text of every command of a card, as a reader would copy it. */
async function commandsOf(card: Locator): Promise<string[]> {
  const labels = await card
    .locator('pre')
    .evaluateAll((pres) => pres.map((pre) => pre.getAttribute('aria-label')));
  const commands = labels.filter((label) => /^Command( \d+)?$/.test(label!));
  return Promise.all(
    commands.map((label) =>
      shownCommand(card.getByLabel(label!, { exact: true })),
    ),
  );
}

/** The text of a command block; every line is rendered with a line break. */
async function shownCommand(pre: Locator): Promise<string> {
  return ((await pre.textContent()) ?? '').replace(/\n$/, '');
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Whether the card's title is on screen and not under the sticky navbar. */
async function belowNavbar(page: Page, card: Locator): Promise<boolean> {
  const navbar = page.getByRole('navigation', { name: 'Main' });
  const bar = await navbar.boundingBox();
  const title = await card.getByRole('heading', { level: 3 }).boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  if (!bar || !title) return false;
  return title.y >= bar.y + bar.height && title.y + title.height <= height;
}

function badgesOf(runbook: CatalogItem): string[] {
  return [
    badgeLabels.kind[runbook.kind],
    badgeLabels.who[runbook.who],
    badgeLabels.effect[runbook.effect],
    badgeLabels.scope[runbook.scope],
    badgeLabels.level[runbook.level],
    ...runbook.cis.map((c) => `CIS ${c.version} ${c.control}`),
  ];
}

function runbooksOf(route: string): CatalogItem[] {
  return catalog.runbooks.filter((r) => r.guide.route === route);
}

/** The guide with the most runbooks, and its last runbook. */
function longestGuide(): { route: string; last: CatalogItem } {
  const route = guideRoutes.reduce((a, b) =>
    runbooksOf(b).length > runbooksOf(a).length ? b : a,
  );
  const runbooks = runbooksOf(route);
  assert.ok(runbooks.length > 1, 'no guide has more than one runbook');
  return { route, last: runbooks.at(-1)! };
}

/** A bucket-name or free text parameter that a reader can fill by hand. */
function pickFillable(): { runbook: CatalogItem; param: Param } {
  return pick(
    'a bucket-name or free string parameter in plain commands',
    (r, p) =>
      (p.type === 'bucket-name' || (p.type === 'string' && !p.pattern)) &&
      p.default === undefined &&
      expectedCommands(r, { [p.name]: bucketValue }) !== undefined,
  );
}

/** The first parameter in the catalog that fits, with its runbook. */
function pick(
  what: string,
  fits: (runbook: CatalogItem, param: Param) => boolean,
): { runbook: CatalogItem; param: Param } {
  for (const runbook of catalog.runbooks) {
    const param = runbook.params.find(
      (p) => fits(runbook, p) && isUsed(runbook, p.name),
    );
    if (param) return { runbook, param };
  }
  assert.fail(`no runbook in the catalog has ${what}`);
}

function referenceTo(name: string, flags?: string): RegExp {
  return new RegExp(`\\$(\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, flags);
}

function isUsed(runbook: CatalogItem, name: string): boolean {
  return runbook.commands.some((c) => referenceTo(name).test(c.code));
}

function withoutDefault(runbook: CatalogItem, name: string): CatalogItem {
  return {
    ...runbook,
    params: runbook.params.map((p) => {
      if (p.name !== name) return p;
      const { default: _, ...rest } = p;
      return rest;
    }),
  };
}

/**
 * The commands as the card should show them with the defaults and `typed`
 * filled in, each `$NAME` and `${NAME}` replaced by its value. Undefined when
 * the answer would need a shell parser: a value that needs quotes, or a
 * command with single quotes, escaped dollars or comments.
 */
function expectedCommands(
  runbook: CatalogItem,
  typed: Record<string, string>,
): string[] | undefined {
  const values: Record<string, string> = {};
  for (const p of runbook.params) {
    if (p.default !== undefined) values[p.name] = p.default;
  }
  Object.assign(values, typed);
  const codes = runbook.commands.map((c) => c.code);
  if (Object.keys(values).length === 0) return codes;

  const plain =
    Object.values(values).every((v) => plainValue.test(v)) &&
    codes.every((code) => !/'|\\\$|(^|\s)#/.test(code));
  if (!plain) return undefined;
  return codes.map((code) =>
    code.replace(
      /\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g,
      (reference, braced?: string, bare?: string) =>
        values[(braced ?? bare)!] ?? reference,
    ),
  );
}

/**
 * The commands with `value` filled in for `name` where every reference is
 * written `"$NAME"` or `"${NAME}"` on a line without single quotes: the
 * double quotes close, the value stands in single quotes, and they reopen.
 * Undefined for any other shape, or when another parameter has a default.
 */
function quotedCommands(
  runbook: CatalogItem,
  name: string,
  value: string,
): string[] | undefined {
  const others = runbook.params.filter((p) => p.name !== name);
  if (others.some((p) => p.default !== undefined)) return undefined;

  const forms = [`"$${name}"`, `"\${${name}}"`];
  const quoted = `'${value.replaceAll("'", `'\\''`)}'`;
  const filled: string[] = [];

  for (const { code } of runbook.commands) {
    if (code.includes('<<')) {
      if (referenceTo(name).test(code)) return undefined;
      filled.push(code);
      continue;
    }
    for (const line of code.split('\n')) {
      const references = line.match(referenceTo(name, 'g'))?.length ?? 0;
      const written = forms
        .map((form) => line.split(form).length - 1)
        .reduce((a, b) => a + b);
      if (references !== written) return undefined;
      if (references > 0 && line.includes("'")) return undefined;
    }
    filled.push(
      forms.reduce((text, form) => text.replaceAll(form, quoted), code),
    );
  }
  return filled;
}

/** Runs the command line's export, as CI would, and reads the catalog. */
async function exportCatalog(): Promise<Catalog> {
  const dir = await mkdtemp(path.join(tmpdir(), 'handbook-catalog-'));
  const out = path.join(dir, 'catalog.json');
  try {
    await promisify(execFile)(
      process.execPath,
      ['scripts/runbook.js', 'export', '--out', out],
      { cwd: root },
    );
    return JSON.parse(await readFile(out, 'utf8')) as Catalog;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The route of every built doc page; `docs.html` is `/docs`. */
/** Route of each page with ```mermaid fences in its source, and how many. */
async function mermaidSources(): Promise<Map<string, number>> {
  const docs = path.join(root, 'docs');
  const found = new Map<string, number>();
  for (const file of (await readdir(docs, { recursive: true })).sort()) {
    if (!file.endsWith('.md')) continue;
    const text = await readFile(path.join(docs, file), 'utf8');
    const count = text.match(/^```mermaid$/gm)?.length ?? 0;
    if (count === 0) continue;
    const slug = /^slug: (\S+)$/m.exec(text)?.[1];
    const page = file.split(path.sep).join('/').replace(/\.md$/, '');
    found.set(slug === '/' ? '/docs' : `/docs/${page}`, count);
  }
  return found;
}

async function docRoutes(): Promise<string[]> {
  const docs = path.join(buildDir, 'docs');
  const files = await readdir(docs, { recursive: true });
  const pages = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/').replace(/\.html$/, ''))
    .map((page) => `/docs/${page}`)
    .sort();
  const home = existsSync(path.join(buildDir, 'docs.html')) ? ['/docs'] : [];
  return [...home, ...pages];
}

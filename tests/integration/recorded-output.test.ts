/**
 * Checks whose API moto lacks, or whose passing state moto cannot reach,
 * are tested on recorded output instead: samples shaped per the AWS API
 * reference (see each file's `comment`), one that must pass and one that
 * must fail, evaluated with the runner's own expectation code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { CatalogItem } from '../../runbooks/catalog.ts';
import { evaluate } from '../../runbooks/execute/evaluate.ts';
import { exportCatalog } from './harness.ts';

interface Recording {
  comment: string;
  check: string;
  command: string;
  samples: Record<string, unknown>;
}

const folder = path.join(import.meta.dirname, 'recorded');
const recordings: Record<string, Recording> = Object.fromEntries(
  readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [
      f,
      JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as Recording,
    ]),
);

let checks: Map<string, CatalogItem>;

before(async () => {
  const catalog = await exportCatalog();
  checks = new Map(
    catalog.runbooks.filter((r) => r.kind === 'check').map((r) => [r.id, r]),
  );
});

/** The check a recording belongs to, after proving it still runs the recorded command. */
function checkOf(file: string): CatalogItem {
  const recording = recordings[file]!;
  const check = checks.get(recording.check);
  assert.ok(
    check,
    `${file} names check ${recording.check}, which the guides no longer have`,
  );
  assert.equal(
    check.commands[0]?.code.replace(/\s*\\\n\s*/g, ' '),
    recording.command,
  );
  return check;
}

/** Whether every expectation of `check` holds on `output`. */
function passes(check: CatalogItem, output: unknown): boolean {
  return evaluate(output, check.expect).every((e) => e.ok);
}

test('iam-centralized-root-access on recorded ListOrganizationsFeatures (moto lacks iam ListOrganizationsFeatures)', () => {
  const file = 'iam-list-organizations-features.json';
  const check = checkOf(file);
  const { pass, fail } = recordings[file]!.samples;
  assert.equal(passes(check, pass), true);
  assert.equal(passes(check, fail), false);
  assert.equal(
    passes(check, { OrganizationId: 'o-a1b2c3d4e5', EnabledFeatures: [] }),
    false,
  );
});

test('iam-access-analyzer-active on recorded ListAnalyzers (moto lacks accessanalyzer)', () => {
  const file = 'accessanalyzer-list-analyzers.json';
  const check = checkOf(file);
  const { pass, fail } = recordings[file]!.samples;
  assert.equal(passes(check, pass), true);
  assert.equal(passes(check, fail), false);
  assert.equal(passes(check, { analyzers: [] }), false);
});

test('tagging-cost-allocation-tags-active on recorded ListCostAllocationTags (moto lacks ce ListCostAllocationTags)', () => {
  const file = 'ce-list-cost-allocation-tags.json';
  const check = checkOf(file);
  const { pass, fail } = recordings[file]!.samples;
  assert.equal(passes(check, pass), true);
  assert.equal(passes(check, fail), false);
  assert.equal(passes(check, { CostAllocationTags: [] }), false);
});

test('iam-root-mfa-enabled on recorded GetAccountSummary (moto always reports no root MFA and no AccountPasswordPresent)', () => {
  const file = 'iam-get-account-summary.json';
  const check = checkOf(file);
  const samples = recordings[file]!.samples;
  assert.equal(passes(check, samples.pass), true);
  assert.equal(passes(check, samples['pass-without-password']), true);
  assert.equal(passes(check, samples.fail), false);
});

test('every recording: each pass sample passes and each fail sample fails', () => {
  for (const [file, recording] of Object.entries(recordings)) {
    const check = checkOf(file);
    for (const [name, sample] of Object.entries(recording.samples)) {
      if (name.startsWith('pass'))
        assert.equal(passes(check, sample), true, `${file}: ${name} should pass`);
      else if (name.startsWith('fail'))
        assert.equal(passes(check, sample), false, `${file}: ${name} should fail`);
      else assert.fail(`${file}: sample ${name} is neither pass… nor fail…`);
    }
  }
});

test('every recording says where its shape comes from', () => {
  for (const [file, recording] of Object.entries(recordings)) {
    assert.match(recording.comment, /shaped per the .+ API reference/, file);
    assert.ok(
      Object.keys(recording.samples).some((k) => k.startsWith('pass')),
      file,
    );
    assert.ok('fail' in recording.samples, file);
  }
});

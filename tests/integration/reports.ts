/**
 * Reads the reports the way their consumers do: the JSON report with a
 * JSON Schema validator against the published schema, the JUnit report
 * with an XML parser, checked for the structure CI systems read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CheckReport } from '../../runbooks/execute/report.ts';
import { projectRoot } from './harness.ts';

const schema = JSON.parse(
  readFileSync(
    path.join(projectRoot, 'static', 'check-report.schema.json'),
    'utf8',
  ),
) as Record<string, unknown>;
const validator = new Ajv2020({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
}).compile(schema);

/** Parses a JSON report and fails the test unless it fits the published schema. */
export function validReport(text: string): CheckReport {
  const report: unknown = JSON.parse(text);
  const ok = validator(report);
  assert.ok(
    ok,
    `the report does not fit check-report.schema.json: ${JSON.stringify(validator.errors, null, 2)}`,
  );
  return report as CheckReport;
}

export interface JunitCase {
  name: string;
  classname: string;
  time: number;
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
  /** The message attribute of the failure, error or skipped element. */
  message?: string;
  /** The text inside it. */
  text?: string;
  type?: string;
}

type Node = Record<string, unknown>;

/**
 * Parses a JUnit report and asserts the structure CI systems read:
 * `testsuites > testsuite > testcase`, at most one of `failure`, `error`
 * or `skipped` in each case, and numeric counts that match the cases.
 */
export function junitCases(xml: string): JunitCase[] {
  assert.equal(
    XMLValidator.validate(xml),
    true,
    'the JUnit report is not well-formed XML',
  );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: (name) =>
      ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  });
  const doc = parser.parse(xml) as Node;
  const root = doc.testsuites as Node | undefined;
  assert.ok(root, 'the root element is not <testsuites>');
  assert.deepEqual(
    Object.keys(doc).filter((k) => k !== '?xml'),
    ['testsuites'],
    'only <testsuites> at the top',
  );
  const suites = (root.testsuite ?? []) as Node[];
  assert.ok(suites.length >= 1, '<testsuites> holds no <testsuite>');

  const all: JunitCase[] = [];
  for (const suite of suites) {
    assert.equal(typeof suite.name, 'string', 'a <testsuite> has no name');
    const cases = ((suite.testcase ?? []) as Node[]).map(readCase);
    assertCounts(suite, cases, 'testsuite');
    all.push(...cases);
  }
  assertCounts(root, all, 'testsuites');
  return all;
}

function readCase(node: Node): JunitCase {
  for (const attribute of ['name', 'classname', 'time']) {
    assert.equal(
      typeof node[attribute],
      'string',
      `a <testcase> has no ${attribute}`,
    );
  }
  const time = Number(node.time);
  assert.ok(
    /^\d+(\.\d+)?$/.test(node.time as string) && time >= 0,
    `testcase time ${node.time}`,
  );
  const children = (['failure', 'error', 'skipped'] as const).filter(
    (k) => k in node,
  );
  assert.ok(
    children.length <= 1,
    `testcase ${node.name} has ${children.join(' and ')}`,
  );
  const kind = children[0];
  const base = {
    name: node.name as string,
    classname: node.classname as string,
    time,
  };
  if (!kind) return { ...base, outcome: 'passed' };
  const child = (node[kind] as unknown[])[0];
  assert.equal(
    (node[kind] as unknown[]).length,
    1,
    `testcase ${node.name} has several <${kind}>`,
  );
  const element: Node =
    typeof child === 'object' && child ? (child as Node) : { '#text': child };
  return {
    ...base,
    outcome: kind,
    ...(typeof element.message === 'string' && { message: element.message }),
    ...(element['#text'] !== undefined && { text: String(element['#text']) }),
    ...(typeof element.type === 'string' && { type: element.type }),
  };
}

function assertCounts(node: Node, cases: JunitCase[], where: string) {
  const expected = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === 'failure').length,
    errors: cases.filter((c) => c.outcome === 'error').length,
    skipped: cases.filter((c) => c.outcome === 'skipped').length,
  };
  for (const [attribute, count] of Object.entries(expected)) {
    assert.match(
      String(node[attribute]),
      /^\d+$/,
      `<${where}> ${attribute} is not a whole number`,
    );
    assert.equal(Number(node[attribute]), count, `<${where}> ${attribute}`);
  }
  assert.match(
    String(node.time),
    /^\d+(\.\d+)?$/,
    `<${where}> time is not a number`,
  );
  // Cases may run at once, so the suite's time is at least its longest case's.
  const longest = Math.max(0, ...cases.map((c) => c.time));
  assert.ok(
    Number(node.time) + 0.001 >= longest,
    `<${where}> time ${node.time} < ${longest}`,
  );
}

/**
 * Renders one runbook block: what it is, who may do it, the commands with
 * the reader's values filled in and quoted, and how to run it.
 */
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { fillCommand } from '../../../runbooks/fill.ts';
import { checkValue } from '../../../runbooks/param-types.ts';
import type { Expectation, Param, Runbook } from '../../../runbooks/schema.ts';
import ShellBlock from './ShellBlock';
import styles from './styles.module.css';

const kindLabels = { check: 'Check', change: 'Change', manual: 'Manual step' };
const whoLabels = {
  root: 'Root user',
  management: 'Management account',
  security: 'Security account',
  'log-archive': 'Log-archive account',
  any: 'Any account',
};
const effectLabels = { read: 'Reads only', change: 'Changes state' };
const scopeLabels = {
  account: 'Account-wide',
  region: 'One region',
  'all-regions': 'Every enabled region',
};
const levelLabels = {
  baseline: 'Baseline',
  hardening: 'Hardening',
  advanced: 'Advanced',
};

type Values = Record<string, string>;

export default function RunbookCard({
  runbook,
  children,
}: {
  runbook: Runbook;
  children?: ReactNode;
}): ReactNode {
  useBrokenLinks().collectAnchor(runbook.id);
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(runbook.params.map((p) => [p.name, p.default ?? ''])),
  );
  const problems = useMemo(() => problemsOf(runbook.params, values), [runbook, values]);
  const filled = useMemo(() => {
    const valid = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => v !== '' && !problems[k]),
    );
    return runbook.commands.map((c) => fillCommand(c.code, valid));
  }, [runbook, values, problems]);

  return (
    <section
      id={runbook.id}
      className={styles.card}
      data-kind={runbook.kind}
      aria-labelledby={`${runbook.id}--title`}
    >
      <header className={styles.header}>
        <h3 id={`${runbook.id}--title`} className={styles.title}>
          <a href={`#${runbook.id}`} className={styles.anchor}>
            {runbook.title}
          </a>
        </h3>
        <ul className={styles.badges} aria-label="About this step">
          <li className={styles[`kind-${runbook.kind}`]}>{kindLabels[runbook.kind]}</li>
          <li>{whoLabels[runbook.who]}</li>
          <li className={runbook.effect === 'change' ? styles.changes : undefined}>
            {effectLabels[runbook.effect]}
          </li>
          <li>{scopeLabels[runbook.scope]}</li>
          <li>{levelLabels[runbook.level]}</li>
          {runbook.cis.map((c) => (
            <li key={`${c.version}:${c.control}`} className={styles.cis}>
              CIS {c.version} {c.control}
            </li>
          ))}
        </ul>
      </header>

      <div className={styles.body}>{children}</div>

      {runbook.params.length > 0 && (
        <Parameters
          params={runbook.params}
          values={values}
          problems={problems}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        />
      )}

      {filled.map((code, i) => (
        <ShellBlock
          key={i}
          code={code}
          label={filled.length > 1 ? `Command ${i + 1}` : 'Command'}
        />
      ))}

      {runbook.expect.length > 0 && <Expectations expect={runbook.expect} />}

      <div className={styles.run}>
        <span>Run it with the command line:</span>
        <ShellBlock code={`npx runbook run ${runbook.id}`} label="Run command" />
      </div>

      {runbook.references.length > 0 && (
        <p className={styles.references}>
          Read more:{' '}
          {runbook.references.map((r, i) => (
            <span key={r.href}>
              {i > 0 && ' · '}
              <a href={r.href}>{r.title}</a>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function Parameters({
  params,
  values,
  problems,
  onChange,
}: {
  params: Param[];
  values: Values;
  problems: Record<string, string | undefined>;
  onChange: (name: string, value: string) => void;
}): ReactNode {
  const base = useId();

  return (
    <fieldset className={styles.params}>
      <legend>Your values</legend>
      {params.map((p) => {
        const id = `${base}-${p.name}`;
        const problem = problems[p.name];
        return (
          <div key={p.name} className={styles.param}>
            <label htmlFor={id}>
              {p.description} <code>{p.name}</code>
            </label>
            {p.type === 'enum' ? (
              <select
                id={id}
                value={values[p.name]}
                onChange={(e) => onChange(p.name, e.target.value)}
              >
                {!p.default && <option value="">Choose…</option>}
                {(p.values ?? []).map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type="text"
                spellCheck={false}
                autoComplete="off"
                value={values[p.name]}
                placeholder={p.type}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem` : undefined}
                onChange={(e) => onChange(p.name, e.target.value)}
              />
            )}
            {problem && (
              <p id={`${id}-problem`} role="alert" className={styles.problem}>
                Not used: expected <WithCode text={problem} />.
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Shows `code` spans of a message as code. */
function WithCode({ text }: { text: string }): ReactNode {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function Expectations({ expect }: { expect: Expectation[] }): ReactNode {
  return (
    <div className={styles.expect}>
      <span>Passes when:</span>
      <ul>
        {expect.map((e, i) => (
          <li key={i}>
            <code>{e.query}</code> {describe(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function describe(e: Expectation): ReactNode {
  const value = <code>{JSON.stringify(e.value)}</code>;
  switch (e.comparison) {
    case 'equals':
      return <>equals {value}</>;
    case 'not-equals':
      return <>is not {value}</>;
    case 'contains':
      return <>contains {value}</>;
    case 'at-least':
      return <>is at least {value}</>;
    case 'at-most':
      return <>is at most {value}</>;
    case 'empty':
      return e.value ? <>is empty</> : <>is not empty</>;
  }
}

function problemsOf(params: Param[], values: Values): Record<string, string | undefined> {
  return Object.fromEntries(
    params.map((p) => {
      const value = values[p.name] ?? '';
      return [p.name, value === '' ? undefined : checkValue(p, value)];
    }),
  );
}

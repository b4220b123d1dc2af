import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import styles from './index.module.css';

const questions = [
  ['Who changed the configuration of a load balancer?', '/docs/cloudtrail'],
  ['How do I use IAM to secure access to resources?', '/docs/iam'],
  ['How can I audit my infrastructure?', '/docs/auditing'],
  ['What is the right way to set up CloudTrail?', '/docs/cloudtrail'],
  [
    'How do developers get freedom to experiment without compromising security?',
    '/docs/developer-accounts',
  ],
  ['Why use tags, and which tags?', '/docs/tagging'],
  ['How does each AWS service deliver its logs?', '/docs/logging'],
  ['What do we do first, and what can wait?', '/docs/roadmap'],
] as const;

export default function Home(): ReactNode {
  return (
    <Layout
      title="Home"
      description="The source of truth for setting up and running a secure AWS environment."
    >
      <main className={styles.main}>
        <h1>AWS Security Handbook</h1>
        <p className={styles.lead}>
          One place that says how this company sets up and runs AWS securely:
          why each control matters, who may apply it, and the exact commands.
          Every step is a runbook block that the <code>runbook</code> command
          line validates in CI and checks against a live account.
        </p>
        <p>
          <Link className="button button--primary button--lg" to="/docs">
            Start here
          </Link>
        </p>
        <h2>Questions it answers</h2>
        <ul>
          {questions.map(([q, to]) => (
            <li key={q}>
              <Link to={to}>{q}</Link>
            </li>
          ))}
        </ul>
        <h2>How to read a runbook card</h2>
        <p>
          Each card says what the step does, who may do it (the root user,
          the management account, the security or log-archive account, or
          any account), whether it only reads or changes something, and what
          a correct result looks like. Type your own values into its inputs;
          the commands update, quoted for the shell, ready to copy.
        </p>
      </main>
    </Layout>
  );
}

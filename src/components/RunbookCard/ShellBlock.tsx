import { usePrismTheme } from '@docusaurus/theme-common';
import { Highlight } from 'prism-react-renderer';
import type { ReactNode } from 'react';
import CopyButton from './CopyButton';
import styles from './styles.module.css';

/** A highlighted shell command with a copy button. */
export default function ShellBlock({
  code,
  label,
}: {
  code: string;
  label: string;
}): ReactNode {
  const theme = usePrismTheme();

  return (
    <div className={styles.shell}>
      <Highlight code={code} language="bash" theme={theme}>
        {({ className, style, tokens, getLineProps, getTokenProps }) => (
          <pre className={className} style={style} aria-label={label}>
            <code>
              {tokens.map((line, i) => (
                <span key={i} {...getLineProps({ line })}>
                  {line.map((token, key) => (
                    <span key={key} {...getTokenProps({ token })} />
                  ))}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        )}
      </Highlight>
      <CopyButton text={code} label={`Copy ${label.toLowerCase()}`} />
    </div>
  );
}

import { useState, type ReactNode } from 'react';
import styles from './styles.module.css';

/** Puts text on the clipboard; falls back to a selection where needed. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export default function CopyButton({
  text,
  label,
}: {
  text: string;
  label: string;
}): ReactNode {
  const [copied, setCopied] = useState(false);

  const onClick = async () => {
    await copyText(text);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };

  return (
    <button
      type="button"
      className={styles.copy}
      aria-label={label}
      onClick={onClick}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

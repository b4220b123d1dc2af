/**
 * Progress for long runs: a live status line on a terminal, nothing extra
 * elsewhere, so logs in CI stay plain lines.
 */
import type { Io } from './io.ts';

export class Progress {
  private shown = '';

  constructor(private readonly io: Io) {}

  private get live(): boolean {
    return Boolean(this.io.stderr.isTTY);
  }

  /** Replaces the status line (terminals only). */
  status(text: string): void {
    if (!this.live) return;
    const width = (this.io.stderr as { columns?: number }).columns ?? 80;
    this.shown = text.length >= width ? text.slice(0, width - 2) + '…' : text;
    this.io.stderr.write(`\r\x1b[2K${this.shown}`);
  }

  /** Prints a result line on stdout, keeping the status line below it. */
  line(text: string): void {
    if (this.live) this.io.stderr.write('\r\x1b[2K');
    this.io.stdout.write(text + '\n');
    if (this.live && this.shown) this.io.stderr.write(this.shown);
  }

  /** Removes the status line. */
  clear(): void {
    if (this.live && this.shown) this.io.stderr.write('\r\x1b[2K');
    this.shown = '';
  }
}

/**
 * A side-by-side diff for people reading a failed golden case: original | ours, aligned by
 * display width (string-width), with visible markers for spaces at line ends and control bytes.
 * Only for the report; the comparison itself is byte for byte.
 */
import stringWidth from 'string-width';

function show(line: string): string {
  return line
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/ +$/, (s) => '·'.repeat(s.length));
}

function padTo(s: string, width: number): string {
  const w = stringWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function sideBySide(expected: Buffer, actual: Buffer, maxLines = 80): string {
  const a = expected.toString('latin1').split('\n').map(show);
  const b = actual.toString('latin1').split('\n').map(show);
  const n = Math.max(a.length, b.length);
  const left = Math.min(100, Math.max(8, ...a.map((l) => stringWidth(l))));
  const rows = [`  ${padTo('original', left)} | ours`];
  let shown = 0;
  for (let i = 0; i < n && shown < maxLines; i++) {
    const x = a[i] ?? '∅';
    const y = b[i] ?? '∅';
    const mark = x === y ? ' ' : '!';
    rows.push(`${mark} ${padTo(x, left)} | ${x === y ? '' : y}`);
    shown++;
  }
  if (n > maxLines) rows.push(`  ... ${n - maxLines} more lines`);
  return rows.join('\n');
}

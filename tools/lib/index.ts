/** golden/INDEX.md: every case, made from the case files (never by hand). */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CaseMeta {
  argv: string[];
  exit: number;
  scenario: string;
  recorded: { 'net-tools': string; hostname: string; kernel: string; date: string };
}

export function listCaseDirs(root: string): { scenario: string; name: string; dir: string }[] {
  const out: { scenario: string; name: string; dir: string }[] = [];
  if (!existsSync(root)) return out;
  for (const s of readdirSync(root).sort()) {
    const sdir = join(root, s);
    if (s.startsWith('.') || !statSync(sdir).isDirectory()) continue;
    for (const c of readdirSync(sdir).sort()) {
      if (existsSync(join(sdir, c, 'case.json'))) out.push({ scenario: s, name: c, dir: join(sdir, c) });
    }
  }
  return out;
}

export function writeIndex(goldenDir: string): void {
  const rows = listCaseDirs(goldenDir).map(({ scenario, name, dir }) => {
    const m = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseMeta;
    return `| ${scenario} | ${name} | \`${m.argv.join(' ')}\` | ${m.exit} | ${m.recorded['net-tools']}, kernel ${m.recorded.kernel}, ${m.recorded.date} |`;
  });
  const text = [
    '# Golden cases (index)',
    '',
    'Written by `npm run golden:accept` from the case files; do not edit. See golden/README.md.',
    '',
    `${rows.length} cases.`,
    '',
    '| scenario | case | command | exit | recorded from |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(goldenDir, 'INDEX.md'), text);
}

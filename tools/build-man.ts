/**
 * Builds the man pages: man/NAME.SECTION.md (a small, strict subset of markdown, below) to
 * roff for `man` (the an macros), written to dist/man/NAME.SECTION, plus a `.so` page for
 * each other name a page documents (hostname.1 also documents domainname, ...).
 *
 *   node dist/tools/build-man.js [SRCDIR [OUTDIR]]     (npm run build does it)
 *
 * The subset, one construct per block (blocks are separated by blank lines):
 *
 *   # name, alias(SECTION) -- one-line description      first line: the title (.TH, NAME)
 *   ## HEADING                                          .SH
 *   ### Heading                                         .SS
 *   text lines                                          a paragraph (.PP)
 *   TERM  newline  : definition (more lines indented)   a tagged paragraph (.TP); a TERM line
 *                                                       may be followed by more `: ` items
 *   - item (more lines indented)                        a bullet list (.IP)
 *   | line                                              lines kept as they are (.nf), inline
 *                                                       markup allowed (synopses)
 *   ``` ... ```                                         an example, verbatim, indented
 *   {{status}}                                          what this release does of the command:
 *                                                       asked of the built command itself
 *
 * Inline: `code` and **bold** print bold, *text* prints italic. Sources are ASCII only.
 * Anything else (tables, links, HTML, nesting) is an error, so a page never renders wrong
 * silently. `groff -man -ww` renders every page without a warning (test/packaging.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_OF_NAME } from '../src/commands.js';
import { loadCommand } from '../src/modules.js';
import { memoryIo } from '../src/io.js';
import type { Sys } from '../src/sys/types.js';

/** The repository (or unpacked package): dist/tools/build-man.js is two levels down. */
const ROOT = new URL('../../', import.meta.url).pathname;

export interface Page {
  /** every name the page documents; the first is its own */
  names: string[];
  section: string;
  roff: string;
}

class SourceError extends Error {}

/** Escapes text for roff: backslash, and a control character at the start of a line. */
function escapeText(s: string): string {
  return s.replace(/\\/g, '\\e');
}

/** Minus signs: options are typed with ASCII hyphen-minus, so `-` in code and bold is `\-`. */
function escapeCode(s: string): string {
  return escapeText(s).replace(/-/g, '\\-');
}

/** Inline markup to roff font escapes. */
export function inline(s: string, where: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) throw new SourceError(`${where}: unclosed \``);
      out += `\\fB${escapeCode(s.slice(i + 1, end))}\\fR`;
      i = end + 1;
    } else if (s.startsWith('**', i)) {
      const end = s.indexOf('**', i + 2);
      if (end < 0) throw new SourceError(`${where}: unclosed **`);
      out += `\\fB${inlineInner(s.slice(i + 2, end), where, true)}\\fR`;
      i = end + 2;
    } else if (c === '*') {
      const end = s.indexOf('*', i + 1);
      if (end < 0) throw new SourceError(`${where}: unclosed *`);
      out += `\\fI${inlineInner(s.slice(i + 1, end), where, false)}\\fR`;
      i = end + 1;
    } else {
      const next = nextMark(s, i);
      out += escapeText(s.slice(i, next));
      i = next;
    }
  }
  return out;
}

function nextMark(s: string, from: number): number {
  let j = from;
  while (j < s.length && s[j] !== '`' && s[j] !== '*') j++;
  return j;
}

/** Inside bold or italic: no nesting, hyphens are minus signs in bold (options). */
function inlineInner(s: string, where: string, bold: boolean): string {
  if (/[`*]/.test(s)) throw new SourceError(`${where}: nested inline markup in ${JSON.stringify(s)}`);
  return bold ? escapeCode(s) : escapeText(s);
}

/** A roff text line: a leading `.` or `'` would be read as a request. */
function textLine(s: string): string {
  const t = s.replace(/^\s+/, '');
  return /^[.']/.test(t) ? `\\&${t}` : t;
}

function quoteArg(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface BuildContext {
  version: string;
  /** The text of the {{status}} block for a command, or '' when there is nothing to say. */
  status(command: string): string;
  /** .TH date field; '' leaves it empty */
  date: string;
}

/** Converts one source. */
export function convert(file: string, text: string, ctx: BuildContext): Page {
  if (!/^[\x0a\x20-\x7e]*$/.test(text)) {
    const bad = [...text].findIndex((ch) => !/[\x0a\x20-\x7e]/.test(ch));
    const line = text.slice(0, bad).split('\n').length;
    throw new SourceError(`${file}:${line}: only printable ASCII (no tabs) in man sources`);
  }
  const lines = text.split('\n');
  const title = /^# ([a-z0-9_-]+(?:, [a-z0-9_-]+)*)\((\d)\) -- (.+)$/.exec(lines[0] ?? '');
  if (!title) throw new SourceError(`${file}:1: the first line must be "# name[, alias...](N) -- description"`);
  const names = title[1]!.split(', ');
  const section = title[2]!;
  const out: string[] = [
    `.\\" Generated by tools/build-man.ts from ${file}; edit the source, not this file.`,
    `.TH ${names[0]!.toUpperCase()} ${section} ${quoteArg(ctx.date)} ${quoteArg(`net-tools-shim ${ctx.version}`)} ${quoteArg(section === '8' ? 'System Administration' : 'User Commands')}`,
    '.SH NAME',
    `${names.map(escapeCode).join(', ')} \\- ${escapeText(title[3]!)}`,
  ];

  // blocks: runs of non-blank lines, except fenced examples, which may hold blank lines
  let i = 1;
  const where = () => `${file}:${i + 1}`;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      if (line !== '```') throw new SourceError(`${where()}: a fence takes no language`);
      const start = i;
      i++;
      const body: string[] = [];
      while (i < lines.length && lines[i] !== '```') body.push(lines[i++]!);
      if (i >= lines.length) throw new SourceError(`${file}:${start + 1}: unclosed fence`);
      i++;
      out.push('.PP', '.RS 4', '.nf', ...body.map((l) => (l === '' ? '' : `\\&${escapeText(l)}`)), '.fi', '.RE');
      continue;
    }
    const block: string[] = [];
    const first = i;
    while (i < lines.length && lines[i] !== '' && !lines[i]!.startsWith('```')) block.push(lines[i++]!);
    const at = `${file}:${first + 1}`;
    const head = block[0]!;
    if (/^#{4,} |^# /.test(head)) throw new SourceError(`${at}: only ## and ### headings after the title`);
    if (head.startsWith('## ')) {
      if (block.length > 1) throw new SourceError(`${at}: a heading is a block of its own`);
      out.push(`.SH ${quoteArg(head.slice(3))}`);
    } else if (head.startsWith('### ')) {
      if (block.length > 1) throw new SourceError(`${at}: a heading is a block of its own`);
      out.push(`.SS ${quoteArg(head.slice(4))}`);
    } else if (head === '{{status}}') {
      if (block.length > 1) throw new SourceError(`${at}: {{status}} is a block of its own`);
      const command = COMMAND_OF_NAME[names[0]!];
      if (!command) throw new SourceError(`${at}: {{status}} on a page that is no command's`);
      const status = ctx.status(command);
      if (status) out.push('.PP', ...wrapInline(status, at));
    } else if (head.startsWith('| ') || head === '|') {
      if (!block.every((l) => l.startsWith('| ') || l === '|')) throw new SourceError(`${at}: every line of a line block starts with "| "`);
      // leading spaces indent a line (the rest of a long synopsis)
      out.push('.PP', '.nf', ...block.map((l) => `\\&${inline(l.slice(2), at)}`), '.fi');
    } else if (head.startsWith('- ')) {
      for (const item of items(block, '- ', at)) out.push('.IP \\(bu 2', ...wrapInline(item, at));
    } else if (block.length > 1 && block[1]!.startsWith(': ')) {
      // TERM / : definition, repeated
      let k = 0;
      while (k < block.length) {
        const term = block[k]!;
        if (term.startsWith(' ') || term.startsWith(': ')) throw new SourceError(`${file}:${first + k + 1}: expected a term`);
        k++;
        const def: string[] = [];
        if (!block[k]?.startsWith(': ')) throw new SourceError(`${file}:${first + k + 1}: a term needs ": definition"`);
        def.push(block[k]!.slice(2));
        k++;
        while (k < block.length && block[k]!.startsWith('  ')) def.push(block[k++]!.trim());
        out.push('.TP', textLine(inline(term, at)), ...wrapInline(def.join(' '), at));
      }
    } else {
      if (block.some((l) => /^\s*(\||- |: |#)/.test(l) && l !== head)) throw new SourceError(`${at}: mixed constructs in one block`);
      if (/^\s*(\||<|\[)/.test(head)) throw new SourceError(`${at}: unsupported markup`);
      out.push('.PP', ...wrapInline(block.map((l) => l.trim()).join(' '), at));
    }
  }
  return { names, section, roff: out.join('\n') + '\n' };
}

/** Bullet items: each starts with the marker, continuation lines are indented. */
function items(block: string[], marker: string, at: string): string[] {
  const res: string[] = [];
  for (const l of block) {
    if (l.startsWith(marker)) res.push(l.slice(marker.length));
    else if (l.startsWith('  ') && res.length) res[res.length - 1] += ' ' + l.trim();
    else throw new SourceError(`${at}: a list item's continuation lines are indented`);
  }
  return res;
}

/** Converts a paragraph's text and puts each sentence on a line of its own (roff spaces them). */
function wrapInline(text: string, at: string): string[] {
  if (/\s{2,}/.test(text.trim())) text = text.replace(/\s+/g, ' ');
  const sentences = text.trim().split(/(?<=[a-z0-9)`*"][.!?]) (?=[A-Z`*("])/);
  return sentences.map((s) => textLine(inline(s, at)));
}

/**
 * What this release does of a command, asked of the built command: `-V` run in-process on a
 * Sys that answers nothing. A command whose issue has not landed says "not implemented yet".
 */
export async function statusOf(command: string): Promise<string> {
  const main = await loadCommand(command as Parameters<typeof loadCommand>[0]);
  const refuse = new Proxy({} as Sys, {
    get: (_t, p) => () => {
      throw new Error(`status probe: -V asked the system for ${String(p)}`);
    },
  });
  const io = memoryIo();
  let rc: number;
  try {
    rc = main([command, '-V'], refuse, io);
  } catch {
    return '';
  }
  const err = io.stderr.take().toString('latin1');
  if (rc !== 0 && /not implemented yet/.test(err)) {
    return (
      `This release of net-tools-shim does not implement \`${command}\` yet. ` +
      `Whatever its arguments, it writes "${err.trim()}" to standard error and exits with status 1. ` +
      `The rest of this page describes the behaviour that it is being built to reproduce.`
    );
  }
  return '';
}

export async function buildAll(srcDir: string, outDir: string, version: string): Promise<string[]> {
  const sources = readdirSync(srcDir)
    .filter((f) => /^[a-z0-9_-]+\.\d\.md$/.test(f))
    .sort();
  if (sources.length === 0) throw new SourceError(`${srcDir}: no NAME.N.md sources`);
  const statuses = new Map<string, string>();
  for (const command of new Set(Object.values(COMMAND_OF_NAME))) statuses.set(command, await statusOf(command));
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : '';
  const ctx: BuildContext = { version, status: (c) => statuses.get(c) ?? '', date };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of sources) {
    const page = convert(`man/${f}`, readFileSync(join(srcDir, f), 'utf8'), ctx);
    const own = `${page.names[0]}.${page.section}`;
    if (`${own}.md` !== f) throw new SourceError(`man/${f}: its title names ${own}`);
    writeFileSync(join(outDir, own), page.roff);
    written.push(own);
    for (const alias of page.names.slice(1)) {
      writeFileSync(join(outDir, `${alias}.${page.section}`), `.so man${page.section}/${own}\n`);
      written.push(`${alias}.${page.section}`);
    }
  }
  return written;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [srcDir = join(ROOT, 'man'), outDir = join(ROOT, 'dist/man')] = process.argv.slice(2);
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const written = await buildAll(srcDir, outDir, pkg.version);
    process.stdout.write(`build-man: ${written.length} pages in ${outDir}\n`);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    process.stderr.write(`build-man: ${e.message}\n`);
    process.exitCode = 1;
  }
}

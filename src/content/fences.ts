// The marked code blocks of a step's body: a fence's info string (language,
// role, key="value" attributes) read into the step's starter, solution, wrong
// and valid files, each problem reported at the fence's line.
import type { Code } from 'mdast';
import type { CodeFile, CodeLanguage, ValidAlternative, WrongAttempt } from './model.ts';
import { FILE_NAME_RULE, isValidCodeFileName } from './schema.ts';
import type { SourceFile } from './sourceFile.ts';

const LANGUAGES: Record<string, CodeLanguage> = {
  python: 'python',
  py: 'python',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  console: 'shell',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  text: 'text',
};

const DEFAULT_FILE: Record<CodeLanguage, string> = {
  python: 'main.py',
  shell: 'commands.sh',
  dockerfile: 'Dockerfile',
  yaml: 'config.yaml',
  json: 'data.json',
  text: 'notes.txt',
};

type BlockRole = 'starter' | 'solution' | 'wrong' | 'valid';
const ROLES: readonly BlockRole[] = ['starter', 'solution', 'wrong', 'valid'];
/** The attributes each role's fence may carry. */
const ROLE_ATTRS: Record<BlockRole, readonly string[]> = { starter: ['file'], solution: ['file'], wrong: ['file', 'fails', 'mistake'], valid: ['file', 'note'] };

export interface MarkedBlock {
  role: BlockRole;
  file: CodeFile;
  line: number;
  /** The fence's key="value" attributes (file=, fails=, mistake=, note=). */
  attrs: Record<string, string>;
}


export function readMarkedBlock(node: Code, src: SourceFile, line: number): MarkedBlock | undefined {
  // Words and key=value / key="value with spaces" attributes after the language.
  const words = [...(node.meta ?? '').matchAll(/(\w+)="([^"]*)"|(\S+)/g)].map((m) => (m[1] ? `${m[1]}=${m[2]}` : m[3]!));
  const role = words.find((w): w is BlockRole => (ROLES as readonly string[]).includes(w));
  if (!role) return undefined;
  // A typo in a marked fence would otherwise drop what it says without a word (the attempt unproved).
  for (const w of words) {
    if (w === role) continue;
    const key = /^(\w+)=/.exec(w)?.[1];
    if (key === undefined) src.error([], `the ${role} block's fence has "${w}", which it does not understand: write attributes as key="value" (${ROLE_ATTRS[role].map((a) => `${a}=`).join(', ')})`, line);
    else if (!ROLE_ATTRS[role].includes(key)) src.error([], `the ${role} block's fence has ${key}=, which a ${role} block does not take (it takes ${ROLE_ATTRS[role].map((a) => `${a}=`).join(', ')})`, line);
    else if (/^\w+="/.test(w) && !/^\w+="[^"]*"$/.test(w)) src.error([], `the ${role} block's ${key}="… has no closing quote`, line);
    else if (/^\w+='/.test(w)) src.error([], `the ${role} block's ${key}= is in single quotes: write ${key}="…" with double quotes`, line);
  }
  const language = LANGUAGES[(node.lang ?? '').toLowerCase()];
  if (!language) {
    src.error([], `the ${role} block needs a language after the fence: one of ${Object.keys(LANGUAGES).join(', ')}`, line);
    return undefined;
  }
  const fileWord = words.find((w) => w.startsWith('file='));
  const file = fileWord ? fileWord.slice('file='.length) : DEFAULT_FILE[language];
  if (!file) src.error([], `the ${role} block has an empty file= name`, line);
  else if (!isValidCodeFileName(file)) {
    // Point at the name itself: the fence line is in the body, after the frontmatter.
    const fence = src.body.split('\n')[line - src.bodyLine] ?? '';
    const column = fence.indexOf(`file=${file}`) + 1 || 1;
    src.error([], `the ${role} block's file name "${file}" is not allowed: use ${FILE_NAME_RULE}`, line, column);
  }
  const attrs = Object.fromEntries(words.filter((w) => /^\w+=/.test(w)).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { role, line, attrs, file: { file, language, code: node.value.endsWith('\n') ? node.value : `${node.value}\n` } };
}

/**
 * A fence whose info string holds a backtick is no fence in CommonMark: the block
 * would silently become prose the learner reads. Found on the raw lines, since the
 * parser never sees a code block there.
 */
export function backtickedFences(src: SourceFile) {
  const lines = src.body.split('\n');
  let open: string | null = null;
  lines.forEach((text, i) => {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text);
    if (!fence) return;
    const [, marks, info] = fence as unknown as [string, string, string];
    if (open) {
      if (marks[0] === open[0] && marks.length >= open.length && !info.trim()) open = null;
      return;
    }
    if (marks[0] === '`' && info.includes('`')) {
      const role = ROLES.find((r) => new RegExp(`\\b${r}\\b`).test(info));
      if (role) src.error([], `this ${role} block's fence holds a backtick, so Markdown reads it as text, not code: write the words without backticks (or fence it with ~~~)`, i + src.bodyLine);
      return;
    }
    open = marks;
  });
}

/** The step's valid blocks: correct work written differently, each with a note of how it differs. */
export function collectValid(src: SourceFile, blocks: MarkedBlock[], files: CodeFile[]): ValidAlternative[] {
  const out: ValidAlternative[] = [];
  for (const b of blocks.filter((x) => x.role === 'valid')) {
    const note = b.attrs.note;
    if (!note) src.error([], 'the valid block needs note="…" saying in a few words how it differs from the solution', b.line);
    const twin = files.find((f) => f.file === b.file.file);
    if (!twin) src.error([], `the valid block's file "${b.file.file}" is not one of the step's files (${[...new Set(files.map((f) => f.file))].join(', ')})`, b.line);
    else if (twin.language !== b.file.language) src.error([], `the valid block for "${b.file.file}" is ${b.file.language}, but that file is ${twin.language}`, b.line);
    if (note && twin) out.push({ file: b.file, note, where: `content/${src.path}:${b.line}` });
  }
  return out;
}

/** The step's wrong blocks: each names the check it must fail (fails=<check id or 1-based number>) and its mistake. */
export function collectWrong(src: SourceFile, blocks: MarkedBlock[], checks: { id?: string | undefined }[], files: CodeFile[]): WrongAttempt[] {
  const out: WrongAttempt[] = [];
  for (const b of blocks.filter((x) => x.role === 'wrong')) {
    const fails = b.attrs.fails;
    const mistake = b.attrs.mistake;
    const known = checks.map((c, i) => c.id ?? String(i + 1)).join(', ');
    const index = fails === undefined ? -1 : /^\d+$/.test(fails) ? Number(fails) - 1 : checks.findIndex((c) => c.id === fails);
    if (fails === undefined) src.error([], `the wrong block needs fails=<check id or number> naming the check it must fail (checks: ${known})`, b.line);
    else if (!checks[index]) src.error([], `the wrong block's fails="${fails}" names no check (checks: ${known})`, b.line);
    if (!mistake) src.error([], 'the wrong block needs mistake="…" saying in a few words what it gets wrong', b.line);
    const twin = files.find((f) => f.file === b.file.file);
    if (!twin) src.error([], `the wrong block's file "${b.file.file}" is not one of the step's files (${[...new Set(files.map((f) => f.file))].join(', ')})`, b.line);
    else if (twin.language !== b.file.language) src.error([], `the wrong block for "${b.file.file}" is ${b.file.language}, but that file is ${twin.language}`, b.line);
    if (fails !== undefined && checks[index] && mistake && twin) out.push({ file: b.file, fails: index, mistake, where: `content/${src.path}:${b.line}` });
  }
  return out;
}

export function collectCode(src: SourceFile, blocks: MarkedBlock[], role: 'starter' | 'solution'): CodeFile[] {
  const out: CodeFile[] = [];
  for (const b of blocks.filter((x) => x.role === role)) {
    if (out.some((f) => f.file === b.file.file)) {
      src.error([], `two ${role} blocks for the file "${b.file.file}"; give each a different file=name`, b.line);
      continue;
    }
    out.push(b.file);
  }
  return out;
}

// A compact tokenizer for the static code view (issue 9 §2): it paints the
// learner's code before Monaco has loaded, with the token types Monaco's own
// Monarch grammars give (monaco-editor/esm/vs/languages/definitions/*), so the
// colours do not change when the editor takes over. It follows Monarch's rules:
// each rule is tried at the current position of the line, in order; a state
// stack carries strings across lines. Only the rules our lessons' languages
// use are ported; no React, no Monaco.
import type { CodeLanguage } from '../content';

export interface Token {
  text: string;
  /** Monaco's token type without the language postfix ("keyword", "string.escape", ""). */
  type: string;
}

type Next = '@pop' | '@popall' | string;
/** What a match becomes: one type, one type per capture group, or decided from the match. */
type Action = string | string[] | ((match: string, atEnd: boolean) => string | [string, Next]);
type Rule = [RegExp, Action, Next?];
type Grammar = Record<string, Rule[]> & { root: Rule[] };

const words = (list: string) => new Set(list.split(' '));

const PY_KEYWORDS = words(
  'False None True _ and as assert async await break case class continue def del elif else except exec finally for from global if import in is lambda match nonlocal not or pass print raise return try type while with yield int float long complex hex abs all any apply basestring bin bool buffer bytearray callable chr classmethod cmp coerce compile delattr dict dir divmod enumerate eval execfile file filter format frozenset getattr globals hasattr hash help id input intern isinstance issubclass iter len locals list map max memoryview min next object oct open ord pow property reversed range raw_input reduce reload repr round self set setattr slice sorted staticmethod str sum super tuple unichr unicode vars xrange zip __dict__ __methods__ __members__ __class__ __bases__ __name__ __mro__ __subclasses__ __init__ __import__',
);
const SH_KEYWORDS = words('if then do else elif while until for in esac fi fin fil done exit set unset export function');
const SH_BUILTINS = words(
  'ab awk bash beep cat cc cd chown chmod chroot clear cp curl cut diff echo find gawk gcc get git grep hg kill killall ln ls make mkdir openssl mv nc node npm ping ps restart rm rmdir sed service sh shopt shred source sort sleep ssh start stop su sudo svn tee telnet top touch vi vim wall wc wget who write yes zsh',
);
const YAML_KEYWORDS = words('true True TRUE false False FALSE null Null ~');

const python: Grammar = {
  root: [
    [/\s+/, ''],
    [/#.*$/, 'comment'],
    [/'''/, 'string', 'pyDoc1'],
    [/"""/, 'string', 'pyDoc2'],
    [/-?0x([abcdef]|[ABCDEF]|\d)+[lL]?/, 'number.hex'],
    [/-?(\d*\.)?\d+([eE][+-]?\d+)?[jJ]?[lL]?/, 'number'],
    [/'$/, 'string.escape', '@popall'],
    [/f'{1,3}/, 'string.escape', 'pyF1'],
    [/'/, 'string.escape', 'pyStr1'],
    [/"$/, 'string.escape', '@popall'],
    [/f"{1,3}/, 'string.escape', 'pyF2'],
    [/"/, 'string.escape', 'pyStr2'],
    [/[,:;]/, 'delimiter'],
    [/[{}]/, 'delimiter.curly'],
    [/[[\]]/, 'delimiter.bracket'],
    [/[()]/, 'delimiter.parenthesis'],
    [/@[a-zA-Z_]\w*/, 'tag'],
    [/[a-zA-Z_]\w*/, (m) => (PY_KEYWORDS.has(m) ? 'keyword' : 'identifier')],
  ],
  pyDoc1: [[/[^']+/, 'string'], [/\\'/, 'string'], [/'''/, 'string', '@popall'], [/'/, 'string']],
  pyDoc2: [[/[^"]+/, 'string'], [/\\"/, 'string'], [/"""/, 'string', '@popall'], [/"/, 'string']],
  pyStr1: [[/[^\\']+$/, 'string', '@popall'], [/[^\\']+/, 'string'], [/\\./, 'string'], [/'/, 'string.escape', '@popall'], [/\\$/, 'string']],
  pyStr2: [[/[^\\"]+$/, 'string', '@popall'], [/[^\\"]+/, 'string'], [/\\./, 'string'], [/"/, 'string.escape', '@popall'], [/\\$/, 'string']],
  pyF1: [
    [/[^\\'{}]+$/, 'string', '@popall'],
    [/[^\\'{}]+/, 'string'],
    [/\{[^}':!=]+/, 'identifier', 'pyFDetail'],
    [/\\./, 'string'],
    [/'/, 'string.escape', '@popall'],
    [/\\$/, 'string'],
  ],
  pyF2: [
    [/[^\\"{}]+$/, 'string', '@popall'],
    [/[^\\"{}]+/, 'string'],
    [/\{[^}':!=]+/, 'identifier', 'pyFDetail'],
    [/\\./, 'string'],
    [/"/, 'string.escape', '@popall'],
    [/\\$/, 'string'],
  ],
  pyFDetail: [[/[:][^}]+/, 'string'], [/[!][ars]/, 'string'], [/=/, 'string'], [/\}/, 'identifier', '@pop']],
};

const shell: Grammar = {
  root: [
    [/[a-zA-Z]\w+(?:-+\w+)+/i, ''],
    [/(\s)((?:-+\w+)+)/i, ['', 'attribute.name']],
    [/[a-zA-Z]\w*/i, (m) => (SH_KEYWORDS.has(m.toLowerCase()) ? 'keyword' : SH_BUILTINS.has(m.toLowerCase()) ? 'type.identifier' : '')],
    [/\s+/, ''],
    [/#!.*$/, 'metatag'],
    [/#.*$/, 'comment'],
    [/'/, 'string', 'shStr1'],
    [/"/, 'string', 'shStr2'],
    [/\$\d+/, 'variable.predefined'],
    [/\$\w+/, 'variable'],
    [/\$[*@#?\-$!0_]/, 'variable'],
    [/\$'/, 'variable', 'shParQ'],
    [/\$"/, 'variable', 'shParDq'],
    [/\$\(/, 'variable', 'shParParen'],
    [/\$\{/, 'variable', 'shParCurly'],
    [/(<<[-<]?)(\s*)(['"`]?)([\w-]+)(['"`]?)/, ['constants', '', 'string.heredoc.delimiter', 'string.heredoc', 'string.heredoc.delimiter']],
    [/[{}]/, 'delimiter.bracket'],
    [/[()]/, 'delimiter.parenthesis'],
    [/[[\]]/, 'delimiter.square'],
    [/[=><!~?&|+\-*/^;.,]+/, 'delimiter'],
    [/\d*\.\d+([eE][-+]?\d+)?/, 'number.float'],
    [/0[xX][0-9a-fA-F_]*[0-9a-fA-F]/, 'number.hex'],
    [/\d+/, 'number'],
    [/[,;]/, 'delimiter'],
  ],
  shStr1: [[/'/, 'string', '@popall'], [/./, 'string']],
  shStr2: [[/"/, 'string', '@popall'], [/./, 'string']],
  shParQ: [[/[^#:%*@\-!_']+/, 'variable'], [/[#:%*@\-!_]/, 'delimiter'], [/'/, 'variable', '@pop']],
  shParDq: [[/[^#:%*@\-!_"]+/, 'variable'], [/[#:%*@\-!_]/, 'delimiter'], [/"/, 'variable', '@pop']],
  shParParen: [[/[^#:%*@\-!_)]+/, 'variable'], [/[#:%*@\-!_]/, 'delimiter'], [/\)/, 'variable', '@pop']],
  shParCurly: [[/[^#:%*@\-!_}]+/, 'variable'], [/[#:%*@\-!_]/, 'delimiter'], [/\}/, 'variable', '@pop']],
};

const DOCKER_VARIABLE = /\${?\w+}?/;
/** Dockerfile: the end of a line leaves the instruction's arguments (Monarch's "@eos" cases). */
const eosPop = (type: string) => (_m: string, atEnd: boolean) => (atEnd ? ([type, '@popall'] as [string, Next]) : type);
const dockerStrings: Rule[] = [
  [/\\'$/, '', '@popall'],
  [/\\'/, ''],
  [/'$/, 'string', '@popall'],
  [/'/, 'string', 'dkStr1'],
  [/"$/, 'string', '@popall'],
  [/"/, 'string', 'dkStr2'],
];
const dockerBody = (quote: string): Rule[] => [
  [new RegExp(`[^\\\\$${quote}]`), eosPop('string')],
  [/\\./, 'string.escape'],
  [new RegExp(`${quote}$`), 'string', '@popall'],
  [new RegExp(quote), 'string', '@pop'],
  [DOCKER_VARIABLE, 'variable'],
  [/\\$/, 'string'],
];
const dockerfile: Grammar = {
  root: [
    [/\s+/, eosPop('')],
    [/#.*$/, 'comment', '@popall'],
    [/(ONBUILD)(\s+)/, ['keyword', '']],
    [/(ENV)(\s+)(\w+)/, ['keyword', '', 'variable'], 'dkArgs'],
    [/(FROM|MAINTAINER|RUN|EXPOSE|ENV|ADD|ARG|VOLUME|LABEL|USER|WORKDIR|COPY|CMD|STOPSIGNAL|SHELL|HEALTHCHECK|ENTRYPOINT)/, 'keyword', 'dkArgs'],
  ],
  dkArgs: [[/\s+/, eosPop('')], ...dockerStrings, [DOCKER_VARIABLE, eosPop('variable')], [/\\/, ''], [/./, eosPop('')]],
  dkStr1: dockerBody("'"),
  dkStr2: dockerBody('"'),
};

const yamlScalar = (m: string) => (YAML_KEYWORDS.has(m) ? 'keyword' : 'string');
const yamlNumbers = (after: string): Rule[] => [
  [new RegExp(`(?:0|[+-]?[0-9]+)${after}`), 'number'],
  [new RegExp(`(?:0|[+-]?[0-9]+)(?:\\.[0-9]+)?(?:e[-+][1-9][0-9]*)?${after}`), 'number.float'],
  [new RegExp(`0o[0-7]+${after}`), 'number.octal'],
  [new RegExp(`0x[0-9a-fA-F]+${after}`), 'number.hex'],
];
const yamlFlowScalars: Rule[] = [
  [/"([^"\\]|\\.)*$/, 'string.invalid'],
  [/'([^'\\]|\\.)*$/, 'string.invalid'],
  [/'[^']*'/, 'string'],
  [/"/, 'string', 'yStr'],
];
const yamlCommon: Rule[] = [
  [/[ \t\r\n]+/, ''],
  [/#.*$/, 'comment'],
];
const yaml: Grammar = {
  root: [
    ...yamlCommon,
    [/%[^ ]+.*$/, 'meta.directive'],
    [/---/, 'operators.directivesEnd'],
    [/\.{3}/, 'operators.documentEnd'],
    [/[-?:](?= )/, 'operators'],
    [/[&*][^ ]+/, 'namespace'],
    [/![^ ]*/, 'tag'],
    [/\[/, 'delimiter.square', 'yArray'],
    [/\{/, 'delimiter.bracket', 'yObject'],
    [/[>|][0-9]*[+-]?$/, 'operators'],
    ...yamlNumbers('(?![ \\t]*\\S+)'),
    [/(".*?"|'.*?'|[^#'"]*?)([ \t]*)(:)( |$)/, ['type', '', 'operators', '']],
    ...yamlFlowScalars,
    [/.+?(?=(\s+#|$))/, yamlScalar],
  ],
  yObject: [
    ...yamlCommon,
    [/\}/, 'delimiter.bracket', '@pop'],
    [/,/, 'delimiter.comma'],
    [/:(?= )/, 'operators'],
    [/(?:".*?"|'.*?'|[^,{[]+?)(?=: )/, 'type'],
    [/\[/, 'delimiter.square', 'yArray'],
    [/\{/, 'delimiter.bracket', 'yObject'],
    ...yamlFlowScalars,
    ...yamlNumbers('(?=[ \\t]*[,\\]}])'),
    [/[^},]+/, yamlScalar],
  ],
  yArray: [
    ...yamlCommon,
    [/\]/, 'delimiter.square', '@pop'],
    [/,/, 'delimiter.comma'],
    [/\[/, 'delimiter.square', 'yArray'],
    [/\{/, 'delimiter.bracket', 'yObject'],
    ...yamlFlowScalars,
    ...yamlNumbers('(?=[ \\t]*[,\\]}])'),
    [/[^\],]+/, yamlScalar],
  ],
  yStr: [[/[^\\"]+/, 'string'], [/\\(?:[btnfr\\"']|[0-7][0-7]?|[0-3][0-7]{2})/, 'string.escape'], [/\\./, 'string.escape.invalid'], [/"/, 'string', '@pop']],
};

const GRAMMARS: Partial<Record<CodeLanguage, Grammar>> = { python, shell, dockerfile, yaml };

// Each rule matches at the current position, as Monarch matches it: a sticky
// copy of its pattern run on the whole line from there (no rule uses "^", so
// this is the same as matching the rest of the line, without copying it).
const sticky = new WeakMap<RegExp, RegExp>();
function atHere(re: RegExp): RegExp {
  let a = sticky.get(re);
  if (!a) sticky.set(re, (a = new RegExp(re.source, `${re.flags}y`)));
  return a;
}

function push(a: Token[], text: string, type: string) {
  if (!text) return;
  const last = a[a.length - 1];
  if (last && last.type === type) last.text += text;
  else a.push({ text, type });
}

/** The code's lines, each as its tokens (adjacent tokens of one type joined). Unknown languages are plain text. */
export function tokenizeLines(code: string, language: CodeLanguage): Token[][] {
  const lines = code.split(/\r?\n/);
  const grammar = GRAMMARS[language];
  if (!grammar) return lines.map((text) => (text ? [{ text, type: '' }] : []));
  const stack = ['root'];
  return lines.map((line) => {
    const tokens: Token[] = [];
    let pos = 0;
    while (pos < line.length) {
      const rules = grammar[stack[stack.length - 1] ?? 'root'] ?? grammar.root;
      let matched = false;
      for (const [re, action, next] of rules) {
        const here = atHere(re);
        here.lastIndex = pos;
        const m = here.exec(line);
        if (!m || (m[0] === '' && !next)) continue;
        const text = m[0];
        let go = next;
        if (typeof action === 'string') push(tokens, text, action);
        else if (Array.isArray(action)) action.forEach((type, i) => push(tokens, m[i + 1] ?? '', type));
        else {
          const r = action(text, pos + text.length >= line.length);
          if (Array.isArray(r)) [, go] = r;
          push(tokens, text, Array.isArray(r) ? r[0] : r);
        }
        if (go === '@popall') stack.splice(1);
        else if (go === '@pop') {
          if (stack.length > 1) stack.pop();
        } else if (go) stack.push(go);
        pos += text.length;
        matched = text.length > 0 || Boolean(go);
        break;
      }
      // Nothing matched: Monarch gives one character the default token.
      if (!matched) push(tokens, line[pos++] ?? '', '');
    }
    return tokens;
  });
}

// Monaco's vs-dark and vs token colours (editor/standalone/common/themes.js)
// for the types these grammars produce, with the lab themes' overrides
// (CodeEditor.tsx): a type takes the colour of its longest listed prefix.
const DARK: Record<string, string> = {
  '': '#d4d4d4',
  variable: '#74b0df',
  'variable.predefined': '#4864aa',
  comment: '#9cc48f',
  number: '#b5cea8',
  'number.hex': '#5bb498',
  type: '#3dc9b0',
  delimiter: '#dcdcdc',
  tag: '#569cd6',
  metatag: '#dd6a6f',
  'attribute.name': '#9cdcfe',
  string: '#ce9178',
  keyword: '#569cd6',
};
const LIGHT: Record<string, string> = {
  '': '#000000',
  variable: '#001188',
  'variable.predefined': '#4864aa',
  comment: '#3f6f35',
  number: '#098658',
  'number.hex': '#3030c0',
  type: '#008080',
  delimiter: '#000000',
  tag: '#800000',
  metatag: '#e00000',
  'attribute.name': '#b30000',
  string: '#a31515',
  'string.yaml': '#0451a5',
  keyword: '#0000ff',
};

/** The colour Monaco's lab theme paints a token type in (for YAML, pass the language: vs colours its strings apart). */
export function tokenColor(type: string, theme: 'dark' | 'light', language?: CodeLanguage): string {
  const table = theme === 'dark' ? DARK : LIGHT;
  const scoped = language && type === 'string' ? table[`string.${language}`] : undefined;
  if (scoped) return scoped;
  for (let t = type; t; t = t.includes('.') ? t.slice(0, t.lastIndexOf('.')) : '') {
    const colour = table[t];
    if (colour) return colour;
  }
  return table['']!;
}

/** Comments are italic in both lab themes. */
export const isItalic = (type: string) => type === 'comment' || type.startsWith('comment.');

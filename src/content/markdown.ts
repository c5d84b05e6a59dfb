// Markdown → sanitized, highlighted HTML, run at build time (the Vite content
// plugin and `npm run content:check`). No highlighter or markdown parser ships
// to the browser for static text.
import type { Root as MdastRoot, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { toString as mdastText } from 'mdast-util-to-string';
import rehypeHighlight from 'rehype-highlight';
import rehypeStringify from 'rehype-stringify';
import { common } from 'lowlight';
import { visit } from 'unist-util-visit';
import type { Root as HastRoot } from 'hast';
import dockerfile from 'highlight.js/lib/languages/dockerfile';

/** Code blocks scroll sideways, so keyboard users must be able to focus them (WCAG 2.1.1). */
function focusableCodeBlocks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
    });
  };
}

/** GitHub's alert kinds (`> [!NOTE]`), with the title GitHub shows. */
export const ALERTS = { NOTE: 'Note', TIP: 'Tip', IMPORTANT: 'Important', WARNING: 'Warning', CAUTION: 'Caution' } as const;
const ALERT_MARK = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

/** `> [!NOTE]` blockquotes become callouts, as on GitHub: a div with a title paragraph. */
function remarkAlerts() {
  return (tree: MdastRoot) => {
    visit(tree, 'blockquote', (node) => {
      const first = node.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      const mark = text?.type === 'text' ? ALERT_MARK.exec(text.value) : null;
      if (!first || first.type !== 'paragraph' || !text || text.type !== 'text' || !mark) return;
      const kind = (mark[1] ?? 'NOTE').toUpperCase() as keyof typeof ALERTS;
      text.value = text.value.slice(mark[0].length);
      if (!text.value) first.children.shift();
      if (first.children.length === 0) node.children.shift();
      node.data = { hName: 'div', hProperties: { className: ['callout', `callout-${kind.toLowerCase()}`] } };
      node.children.unshift({
        type: 'paragraph',
        data: { hProperties: { className: ['callout-title'] } },
        children: [{ type: 'text', value: ALERTS[kind] }],
      });
    });
  };
}

/**
 * GitHub's heading slug (github-slugger): lowercase, punctuation dropped,
 * spaces to dashes; repeats get -1, -2…
 */
export function headingSlugs(tree: MdastRoot): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  visit(tree, 'heading', (node) => {
    const base = mdastText(node).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(base);
    const slug = count === undefined ? base : `${base}-${count}`;
    seen.set(base, (count ?? 0) + 1);
    if (count !== undefined) seen.set(slug, 0);
    out.push(slug);
  });
  return out;
}

/** Headings get GitHub's ids (the sanitizer then prefixes them with "user-content-", as GitHub does). */
function remarkHeadingIds() {
  return (tree: MdastRoot) => {
    const slugs = headingSlugs(tree);
    let i = 0;
    visit(tree, 'heading', (node) => {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: slugs[i++] ?? '' } };
    });
  };
}

/** The lesson page's own sections (src/lesson/LessonPage.tsx), which a lesson may link to; their ids have no prefix. */
export const LESSON_PAGE_SECTIONS = ['lifecycle-hub', 'steps', 'skill-matrix', 'quick-quiz', 'faq', 'glossary', 'continue'];

/** In-page links (`#slug`, footnotes) follow their target's prefixed id, so they jump without script. */
function prefixedFragments() {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      if (href.startsWith('#')) {
        const target = `user-content-${decodeURIComponent(href.slice(1))}`;
        if (ids.has(target)) node.properties.href = `#${target}`;
        return;
      }
      // A heading on another page of the lab (checked by the parser) has the same prefix there.
      const local = !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
      const hash = href.indexOf('#');
      const fragment = href.slice(hash + 1);
      if (local && hash > 0 && !fragment.startsWith('user-content-') && !LESSON_PAGE_SECTIONS.includes(fragment)) {
        node.properties.href = `${href.slice(0, hash)}#user-content-${fragment}`;
      }
    });
  };
}

// GitHub's schema plus the callout classes above, nothing else.
const calloutClasses: [string, ...string[]] = ['className', 'callout', ...Object.keys(ALERTS).map((k) => `callout-${k.toLowerCase()}`)];
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), calloutClasses],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-title']],
  },
};

const toHtml = unified()
  .use(remarkAlerts)
  .use(remarkHeadingIds)
  // Raw HTML nodes are dropped (allowDangerousHtml is off). No clobber prefix
  // here: the sanitizer adds it once, to footnote and heading ids alike.
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, schema) // GitHub's schema: no event handlers, no javascript: URLs
  .use(prefixedFragments)
  .use(rehypeHighlight, { languages: { ...common, dockerfile }, plainText: ['text', 'txt'] })
  .use(focusableCodeBlocks)
  .use(rehypeStringify);

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(source: string): MdastRoot {
  return parser.parse(source);
}

export function mdastToHtml(children: RootContent[]): string {
  const root: MdastRoot = { type: 'root', children };
  return toHtml.stringify(toHtml.runSync(root));
}

/** `edit` may change the parsed tree before it is rendered (the parser points lesson images at their files). */
export function markdownToHtml(source: string, edit?: (tree: MdastRoot) => void): string {
  const tree = parseMarkdown(source);
  edit?.(tree);
  return mdastToHtml(tree.children);
}

/** A one-line markdown string without its wrapping paragraph. */
export function inlineMarkdownToHtml(source: string, edit?: (tree: MdastRoot) => void): string {
  return markdownToHtml(source, edit).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/** Highlight a code snippet as a <pre><code> block, using the same pipeline. */
export function highlightCode(code: string, language: string): string {
  const longestRun = Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return markdownToHtml(`${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}\n`);
}

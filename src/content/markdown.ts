// Markdown → sanitized, highlighted HTML, run at build time (the Vite content
// plugin and `npm run content:check`). No highlighter or markdown parser ships
// to the browser for static text.
import type { Root as MdastRoot, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
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

const toHtml = unified()
  .use(remarkRehype) // raw HTML nodes are dropped (allowDangerousHtml is off)
  .use(rehypeSanitize) // GitHub's schema: no event handlers, no javascript: URLs
  .use(rehypeHighlight, { languages: { ...common, dockerfile }, plainText: ['text', 'txt'] })
  .use(focusableCodeBlocks)
  .use(rehypeStringify);

const parser = unified().use(remarkParse);

export function parseMarkdown(source: string): MdastRoot {
  return parser.parse(source);
}

export function mdastToHtml(children: RootContent[]): string {
  const root: MdastRoot = { type: 'root', children };
  return toHtml.stringify(toHtml.runSync(root));
}

export function markdownToHtml(source: string): string {
  return mdastToHtml(parseMarkdown(source).children);
}

/** A one-line markdown string without its wrapping paragraph. */
export function inlineMarkdownToHtml(source: string): string {
  return markdownToHtml(source).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/** Highlight a code snippet as a <pre><code> block, using the same pipeline. */
export function highlightCode(code: string, language: string): string {
  const longestRun = Math.max(2, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return markdownToHtml(`${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}\n`);
}

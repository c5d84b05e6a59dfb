// A markdown file's body as the page shows it: sanitized HTML, its images,
// media and links checked, its marked code blocks taken out for the step.
import type { RootContent } from 'mdast';
import { readMarkedBlock, type MarkedBlock } from './fences.ts';
import { appPath, localLinks, type LinkRef, type PageAnchors } from './links.ts';
import { headingSlugs, mdastToHtml, parseMarkdown } from './markdown.ts';
import { lessonImages, remoteMedia, type ImageContext } from './media.ts';
import type { ContentIssue, SourceFile } from './sourceFile.ts';

/** Render a file's body, pulling out the starter/solution code blocks. */
export function renderProse(
  src: SourceFile,
  warn: (i: ContentIssue) => void,
  page: string,
  links: LinkRef[],
  pageAnchors: string[],
  images: ImageContext,
  anchors: PageAnchors,
): { html: string; blocks: MarkedBlock[] } {
  const tree = parseMarkdown(src.body);
  const blocks: MarkedBlock[] = [];
  const lineOf = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + src.bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  for (const found of lessonImages(tree, images)) {
    const pos = lineOf(found.node);
    src.error([], found.message, pos.line, pos.column);
  }
  for (const found of remoteMedia(tree)) {
    const pos = lineOf(found.node);
    src.error([], found.message, pos.line, pos.column);
  }
  const headings = headingSlugs(tree);
  anchors.set(page, [...headings, ...pageAnchors]);
  for (const link of localLinks(tree)) {
    const pos = lineOf(link);
    if (link.url.startsWith('#')) {
      const fragment = decodeURIComponent(link.url.slice(1));
      if (fragment && !headings.includes(fragment) && !pageAnchors.includes(fragment)) {
        src.error([], `link "${link.url}" names no heading on this page (headings: ${headings.map((h) => `#${h}`).join(', ') || 'none'})`, pos.line, pos.column);
      }
      continue;
    }
    const target = appPath(link.url, page);
    if (target) links.push({ src, path: [], ...pos, url: link.url, ...target });
  }
  const walk = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((node): RootContent[] => {
      if (node.type === 'html') {
        const pos = lineOf(node);
        warn({ file: src.path, ...pos, field: '', message: 'raw HTML is not allowed in lesson markdown and was removed' });
        return [];
      }
      if (node.type === 'link' && /^\s*(javascript|vbscript|data):/i.test(node.url)) {
        const pos = lineOf(node);
        warn({ file: src.path, ...pos, field: '', message: `unsafe link "${node.url.slice(0, 40)}" was removed` });
      }
      if (node.type === 'code') {
        const marked = readMarkedBlock(node, src, lineOf(node).line);
        if (marked) {
          blocks.push(marked);
          return [];
        }
      }
      if ('children' in node && Array.isArray(node.children)) {
        (node as { children: RootContent[] }).children = walk(node.children as RootContent[]);
      }
      return [node];
    });
  const children = walk(tree.children);
  return { html: mdastToHtml(children), blocks };
}

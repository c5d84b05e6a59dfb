// Links between the app's pages (/lessons/<id>, /lessons/<id>/steps/<slug>)
// and to their headings: gathered while each file is read, checked once every
// lesson and step is known.
import type { Definition, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Lesson } from './model.ts';
import type { Path, SourceFile } from './sourceFile.ts';

/** A link to a page of the app, to check once every lesson and step is known. */
export interface LinkRef {
  src: SourceFile;
  /** The frontmatter field it is in, or [] with line/column for the body. */
  path: Path;
  line?: number;
  column?: number;
  url: string;
  /** The link resolved against the page it is shown on: "/lessons/x/steps/y". */
  target: string;
  /** Its #fragment, decoded, or "" without one. */
  fragment: string;
}

const APP_ORIGIN = 'https://lab.invalid';


/** Where a local link leads, as the browser would resolve it on `page`; undefined for other sites and schemes. */
export function appPath(url: string, page: string): { target: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url === '') return undefined;
  const resolved = new URL(url, `${APP_ORIGIN}${page}`);
  if (resolved.origin !== APP_ORIGIN) return undefined;
  return { target: decodeURIComponent(resolved.pathname), fragment: decodeURIComponent(resolved.hash.slice(1)) };
}

/** The ids a link's #fragment may name on each page ("/lessons/x", "/lessons/x/steps/y"). */
export type PageAnchors = Map<string, string[]>;

export function checkLessonLinks(links: LinkRef[], lessons: Lesson[], anchors: PageAnchors): void {
  const steps = new Map(lessons.map((l) => [l.id, l.steps.map((s) => s.slug)]));
  for (const ref of links) {
    const parts = ref.target.replace(/\/$/, '').split('/').slice(1); // "", "lessons", id, "steps", slug
    if (parts[0] !== 'lessons') continue;
    const [, id, stepsWord, slug, ...rest] = parts;
    let message: string | undefined;
    if (!id || (stepsWord !== undefined && (stepsWord !== 'steps' || !slug)) || rest.length > 0) {
      message = `link "${ref.url}" leads to ${ref.target}, which is no page of the lab (pages are /lessons/<id> and /lessons/<id>/steps/<slug>)`;
    } else if (!steps.has(id)) {
      message = `link "${ref.url}" names no lesson "${id}" (lessons: ${[...steps.keys()].join(', ') || 'none'})`;
    } else if (slug !== undefined && !steps.get(id)?.includes(slug)) {
      message = `link "${ref.url}" names no step "${slug}" in lesson "${id}" (steps: ${steps.get(id)?.join(', ') || 'none'})`;
    } else if (ref.fragment) {
      const page = `/lessons/${id}${slug === undefined ? '' : `/steps/${slug}`}`;
      const ids = anchors.get(page);
      if (ids && !ids.includes(ref.fragment)) {
        message = `link "${ref.url}" names no heading "#${ref.fragment}" on ${page} (headings: ${ids.map((h) => `#${h}`).join(', ') || 'none'})`;
      }
    }
    if (message) ref.src.error(ref.path, message, ref.line, ref.column);
  }
}

/** Links and link definitions, with their positions. */
export function localLinks(tree: Root): (Link | Definition)[] {
  const out: (Link | Definition)[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') out.push(node);
  });
  return out;
}

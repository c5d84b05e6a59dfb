// Images and media in lesson markdown: never from another origin, always with
// alt text; a lesson folder's own images are checked and pointed at their files.
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './markdown.ts';
import { MEDIA_EXTENSION, isLocalUrl } from './schema.ts';
import type { Path, SourceFile } from './sourceFile.ts';

/**
 * Images (and links to media files) that would load from another origin. Each
 * names the node, so the caller can say where it is.
 */
export function remoteMedia(tree: Root): { node: RootContent; message: string }[] {
  const found: { node: RootContent; message: string }[] = [];
  const imageRefs = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageRefs.add(node.identifier);
  });
  const advice = 'lessons load media only from this site: put the file in the lesson\'s folder and write its relative path, such as "images/chart.png"';
  const isMediaFile = (url: string) => MEDIA_EXTENSION.test(url.split(/[?#]/)[0] ?? '');
  const shown = (url: string) => JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}...` : url);
  visit(tree, (node) => {
    if (node.type === 'image' && !isLocalUrl(node.url)) {
      found.push({ node, message: `image ${shown(node.url)} is not local — ${advice}` });
    } else if (node.type === 'definition' && imageRefs.has(node.identifier) && !isLocalUrl(node.url)) {
      found.push({ node, message: `image ${shown(node.url)} (used as ![…][${node.label ?? node.identifier}]) is not local — ${advice}` });
    } else if ((node.type === 'link' || node.type === 'definition') && isMediaFile(node.url) && !isLocalUrl(node.url)) {
      found.push({ node, message: `link to the media file ${shown(node.url)} is not local — ${advice}` });
    }
  });
  return found;
}

/** A markdown field of the frontmatter: remote media are reported at the field. */
export function checkMedia(src: SourceFile, path: Path, markdown: string): void {
  for (const found of remoteMedia(parseMarkdown(markdown))) src.error(path, found.message);
}

/**
 * Images from a lesson's folder are written into the HTML as this prefix and
 * their path in the content folder; the content plugin (scripts/content-assets.ts)
 * turns each into the URL of the fingerprinted file.
 */
export const LESSON_FILE_PREFIX = '/@lesson-file/';
/** What a lesson's folder may show as an image (an svg is shown by <img>, so its scripts never run). */
const LESSON_IMAGE = /\.(?:png|jpe?g|gif|webp|svg)$/i;
const LESSON_FILE_CHARS = /^[A-Za-z0-9._/-]+$/;

export interface ImageContext {
  lesson: string;
  /** The markdown file's folder in the content folder: "ml-lifecycle/steps". */
  dir: string;
  existing: ReadonlySet<string> | undefined;
}

/** "a/b/../c/./d" → "a/c/d"; undefined when it climbs above its start. */
function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/**
 * Images without alt text, and images from the lesson's folder (a relative
 * URL: "./chart.png", "images/x.svg"): each must be an image file inside the
 * lesson folder that exists. Those that are get their URL pointed at the file
 * (LESSON_FILE_PREFIX), in place.
 */
export function lessonImages(tree: Root, images: ImageContext): { node: RootContent; message: string }[] {
  const found: { node: RootContent; message: string }[] = [];
  const imageRefs = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageRefs.add(node.identifier);
  });
  const point = (node: Extract<RootContent, { url: string }>) => {
    const url = node.url.trim();
    if (!isLocalUrl(url) || url.startsWith('/') || url.startsWith('\\') || url.startsWith('#') || url.startsWith('?') || url === '') return;
    const shown = JSON.stringify(url);
    let decoded = url;
    try {
      decoded = decodeURI(url.split(/[?#]/)[0] ?? '');
    } catch {
      // keep it as written: the checks below name it
    }
    const path = normalizePath(`${images.dir}/${decoded}`);
    if (path === undefined || !path.startsWith(`${images.lesson}/`)) {
      found.push({ node, message: `image ${shown} is outside the lesson's folder: put the file in content/${images.lesson}/ and write its path relative to this file` });
    } else if (!LESSON_IMAGE.test(path)) {
      found.push({ node, message: `image ${shown} is not an image a lesson can show: use a .png, .jpg, .jpeg, .gif, .webp or .svg file` });
    } else if (!LESSON_FILE_CHARS.test(path)) {
      found.push({ node, message: `image ${shown}: name lesson files with letters, digits, ".", "_", "-" and "/" only` });
    } else if (images.existing && !images.existing.has(path)) {
      found.push({ node, message: `image ${shown} names content/${path}, which does not exist` });
    } else node.url = `${LESSON_FILE_PREFIX}${path}`;
  };
  visit(tree, (node) => {
    if ((node.type === 'image' || node.type === 'imageReference') && !(node.alt ?? '').trim()) {
      const url = node.type === 'image' ? node.url : `[${node.label ?? node.identifier}]`;
      found.push({ node, message: `image ${JSON.stringify(url)} has no alt text: say what it shows between the brackets, ![Loss falling over 30 epochs](${node.type === 'image' ? url : 'chart.png'})` });
    }
    if (node.type === 'image' || (node.type === 'definition' && imageRefs.has(node.identifier))) point(node);
  });
  return found;
}

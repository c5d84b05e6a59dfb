// What every file of one lesson is read with: where its problems go, how its
// bodies and markdown fields become HTML, and the links and anchors its pages
// add for the course-wide link check.
import type { Root } from 'mdast';
import { appPath, localLinks, type LinkRef, type PageAnchors } from './links.ts';
import { LESSON_PAGE_SECTIONS, inlineMarkdownToHtml, markdownToHtml, parseMarkdown } from './markdown.ts';
import { checkMedia, lessonImages, type ImageContext } from './media.ts';
import { renderProse } from './prose.ts';
import { SourceFile, type ContentFile, type ContentIssue, type Path } from './sourceFile.ts';

export interface LessonReader {
  folder: string;
  /** The lesson's page: "/lessons/<id>". */
  lessonPage: string;
  report: (i: ContentIssue) => void;
  open: (f: ContentFile) => SourceFile;
  /** A file's body as HTML (on `page`, the lesson's by default), its marked code blocks taken out. */
  renderBody: (src: SourceFile, page?: string) => ReturnType<typeof renderProse>;
  /** Markdown of a frontmatter field as HTML, its lesson images pointed at their files (checkField reported their problems). */
  md: (src: SourceFile | undefined, markdown: string, inline?: boolean) => string;
  /** A markdown field of the frontmatter: its media and its links to lessons and steps. */
  checkField: (src: SourceFile, path: Path, markdown: string, page?: string) => void;
}

export function lessonReader(
  folder: string,
  report: (i: ContentIssue) => void,
  warn: (i: ContentIssue) => void,
  links: LinkRef[],
  existing: ReadonlySet<string> | undefined,
  anchors: PageAnchors,
): LessonReader {
  const open = (f: ContentFile) => new SourceFile(f.path, f.text, report);
  const lessonPage = `/lessons/${folder}`;
  /** Images are found relative to the markdown file they are written in. */
  const imagesOf = (src: SourceFile): ImageContext => ({ lesson: folder, dir: src.path.replace(/\/[^/]*$/, ''), existing });
  const renderBody = (src: SourceFile, page = lessonPage) =>
    renderProse(src, warn, page, links, page === lessonPage ? LESSON_PAGE_SECTIONS : [], imagesOf(src), anchors);
  const md = (src: SourceFile | undefined, markdown: string, inline = false) => {
    const edit = src && ((tree: Root) => void lessonImages(tree, imagesOf(src)));
    return inline ? inlineMarkdownToHtml(markdown, edit) : markdownToHtml(markdown, edit);
  };
  const checkField = (src: SourceFile, path: Path, markdown: string, page = lessonPage) => {
    checkMedia(src, path, markdown);
    for (const found of lessonImages(parseMarkdown(markdown), imagesOf(src))) src.error(path, found.message);
    for (const link of localLinks(parseMarkdown(markdown))) {
      const target = appPath(link.url, page);
      if (target) links.push({ src, path, url: link.url, ...target });
    }
  };

  return { folder, lessonPage, report, open, renderBody, md, checkField };
}

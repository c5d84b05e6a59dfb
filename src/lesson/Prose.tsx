/**
 * Renders lesson HTML produced at build time by src/content/markdown.ts, which
 * drops raw HTML and sanitizes every tag and URL (rehype-sanitize) before it
 * gets here — that is why setting innerHTML is safe.
 */
export function Prose({ html, className = '', inline = false }: { html: string; className?: string; inline?: boolean }) {
  const Tag = inline ? 'span' : 'div';
  return <Tag className={`prose ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Renders lesson HTML produced at build time by src/content/markdown.ts, which
 * drops raw HTML and sanitizes every tag and URL (rehype-sanitize) before it
 * gets here — that is why setting innerHTML is safe.
 */
export function Prose({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`prose ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

import { useState, type ReactNode } from 'react';
import type { RepoSummary } from '../lab';

interface Props {
  repo: RepoSummary | null;
  /** The learner's files (the lab's own left out), each as text or null when binary. */
  files: Record<string, string | null>;
}

interface Node {
  name: string;
  path: string;
  children: Node[] | null;
}

const collator = new Intl.Collator();

/** The folders and files of these paths, folders first, each level by name: linear in the paths (a map per level, issue 22). */
export function buildTree(paths: string[]): Node[] {
  const root: Node[] = [];
  const levels = new Map<Node[], Map<string, Node>>([[root, new Map()]]);
  for (const path of paths) {
    let level = root;
    let sub = '';
    const parts = path.split('/');
    parts.forEach((name, i) => {
      sub = sub ? `${sub}/${name}` : name;
      const names = levels.get(level)!;
      let node = names.get(name);
      if (!node) {
        node = { name, path: sub, children: i === parts.length - 1 ? null : [] };
        names.set(name, node);
        level.push(node);
        if (node.children) levels.set(node.children, new Map());
      }
      level = node.children ?? [];
    });
  }
  const byName = (a: Node, b: Node) => Number(b.children !== null) - Number(a.children !== null) || collator.compare(a.name, b.name);
  const sort = (nodes: Node[]): Node[] => nodes.sort(byName).map((n) => ({ ...n, children: n.children && sort(n.children) }));
  return sort(root);
}

const MAX_VIEW_LINES = 40;

/**
 * A folder whose contents are drawn only while it is open: a closed folder of 10,000 files costs
 * one line, so the explorer a Run remounts costs what is shown, not the project's size (issue 22).
 */
function Folder({ name, dimmed, initiallyOpen, children }: { name: string; dimmed: boolean; initiallyOpen: boolean; children: () => ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={`cursor-pointer ${dimmed ? 'text-muted' : ''}`}>{name}/</summary>
      {open && children()}
    </details>
  );
}

/**
 * The tree of a set of files, kept by that set: the explorer is remounted by every Run, and a Run
 * that changed no file hands it the same set, so it is not built again (issue 22).
 */
const trees = new WeakMap<Props['files'], { tree: Node[]; firstDvc: string | undefined }>();
function treeOf(files: Props['files']) {
  let known = trees.get(files);
  if (!known) {
    const paths = Object.keys(files).filter((p) => !p.startsWith('.git/'));
    known = { tree: buildTree(paths), firstDvc: paths.find((p) => p.endsWith('.dvc')) };
    trees.set(files, known);
  }
  return known;
}

/** localhost:3000/ingest-and-version — the project as a file browser, with git's log. */
export default function RepoExplorer({ repo, files }: Props) {
  const { tree, firstDvc } = treeOf(files);
  const [selected, setSelected] = useState<string>(firstDvc ?? 'README.md');
  const ignored = new Set(repo?.ignored ?? []);
  const dvc = new Set(repo?.dvcTracked ?? []);
  const content = files[selected] ?? null;
  const lines = content?.split('\n') ?? [];

  const render = (nodes: Node[], depth: number) => (
    <ul className={depth ? 'ml-3 border-l border-line pl-2' : ''}>
      {nodes.map((n) =>
        n.children ? (
          <li key={n.path}>
            <Folder name={n.name} dimmed={n.children.every((c) => ignored.has(c.path))} initiallyOpen={depth < 1 && n.name !== '.dvc'}>
              {() => render(n.children!, depth + 1)}
            </Folder>
          </li>
        ) : (
          <li key={n.path}>
            <button
              type="button"
              aria-current={selected === n.path ? 'true' : undefined}
              onClick={() => setSelected(n.path)}
              className={`w-full truncate rounded px-1 text-left hover:bg-surface-2 ${selected === n.path ? 'bg-surface-2 font-semibold' : ''} ${ignored.has(n.path) ? 'text-muted' : ''}`}
            >
              {n.name}
              {dvc.has(n.path) && <span className="ml-1 rounded bg-accent px-1 text-[10px] font-bold text-accent-ink">DVC</span>}
              {ignored.has(n.path) && <span className="sr-only"> (ignored by git)</span>}
            </button>
          </li>
        ),
      )}
    </ul>
  );

  return (
    <div className="font-sans text-sm">
      <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <nav aria-label="Project files" className="max-h-72 overflow-auto font-mono text-xs">
          {render(tree, 0)}
          <p className="mt-2 font-sans text-[11px] text-muted">Dimmed: ignored by git · DVC: versioned by DVC</p>
        </nav>
        <section aria-label={`File ${selected}`} className="min-w-0">
          <p className="font-mono text-xs text-muted">{selected}</p>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolls: keyboard users must reach it */}
          <pre tabIndex={0} className="code mt-1 max-h-64 overflow-auto text-xs">
            {content === null
              ? files[selected] === undefined
                ? '(no such file)'
                : '(binary file)'
              : lines.slice(0, MAX_VIEW_LINES).join('\n') + (lines.length > MAX_VIEW_LINES ? `\n… ${lines.length - MAX_VIEW_LINES} more lines` : '')}
          </pre>
        </section>
      </div>
      <section aria-label="Git log" className="mt-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">git log · {repo?.branch ?? 'no repository'}</h3>
        <ol className="mt-1 grid gap-0.5 font-mono text-xs">
          {(repo?.log ?? []).map((c) => (
            <li key={c.oid}>
              <span className="text-warn">{c.oid.slice(0, 7)}</span> {c.message.split('\n')[0]}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

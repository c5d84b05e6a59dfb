// The step workspace's remembered pane sizes and its breakpoint. The split view
// needs JavaScript (the panels library lays panes out with inline styles), so
// the breakpoint is read here rather than only in CSS.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Layout, LayoutChangedMeta } from 'react-resizable-panels';
import { WIDE_QUERY, wideScreen } from './wideScreen';

const KEY_PREFIX = 'lifecycle-lab:layout:';

export const layoutKey = (id: string) => `${KEY_PREFIX}${id}`;

/**
 * A saved layout, or null when it is not one for these panes: any value a
 * learner's storage holds (older versions, hand edits, another tab) may be corrupt,
 * and a bad one would leave a pane at zero width.
 */
export function parseLayout(raw: string | null, panelIds: readonly string[]): Layout | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== panelIds.length) return null;
  const layout: Layout = {};
  for (const id of panelIds) {
    const size = (value as Record<string, unknown>)[id];
    if (typeof size !== 'number' || !Number.isFinite(size) || size <= 0 || size >= 100) return null;
    layout[id] = size;
  }
  const total = Object.values(layout).reduce((a, b) => a + b, 0);
  return Math.abs(total - 100) < 0.5 ? layout : null;
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the default sizes apply
  }
}

/** The group's saved sizes (read once per mount) and the callback that saves what the learner sets. */
export function useStoredLayout(id: string, panelIds: readonly string[]) {
  const ids = panelIds.join('|');
  const defaultLayout = useMemo(() => parseLayout(readStorage(layoutKey(id)), ids.split('|')) ?? undefined, [id, ids]);
  const onLayoutChanged = useCallback(
    (layout: Layout, meta: LayoutChangedMeta) => {
      // Only the learner's own resizing is remembered, not a squeeze by a small window.
      if (!meta.isUserInteraction) return;
      try {
        localStorage.setItem(layoutKey(id), JSON.stringify(meta.requestedLayout ?? layout));
      } catch {
        /* storage full or blocked: the sizes last this visit only */
      }
    },
    [id],
  );
  return { defaultLayout, onLayoutChanged };
}

function subscribeWide(onChange: () => void) {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_QUERY) : null;
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

/** True on screens wide enough for the split view. */
export function useWide(): boolean {
  return useSyncExternalStore(subscribeWide, wideScreen, () => false);
}

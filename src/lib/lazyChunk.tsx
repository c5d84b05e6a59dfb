// A component in its own chunk that can be fetched ahead of its first render:
// once the chunk is here it renders at once (no Suspense fallback, no flash),
// before that it renders lazily. Which of the two is chosen once per mount, so
// a chunk arriving mid-life never remounts what is on screen.
import { lazy, useState, type ComponentType } from 'react';

export function lazyChunk<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  const preload = () => load().then((component) => (loaded = component));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Chunk(props: P) {
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Chosen {...props} />;
  }
  return { preload, Component: Chunk };
}

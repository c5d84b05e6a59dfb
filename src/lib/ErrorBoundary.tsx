import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError, NEW_VERSION_STATUS, reloadForNewVersion } from './chunkRecovery';

interface Props {
  /** Names the part of the page in the message, e.g. "the editor". */
  where: string;
  children: ReactNode;
}

/**
 * Catches a render error so one broken panel never blanks the page. A lazy
 * chunk that failed to load is an old tab after a deploy: the page reloads onto
 * the new version (chunkRecovery.ts) and says so, rather than showing an error.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null; reloading: boolean }> {
  state = { error: null as Error | null, reloading: false };

  static getDerivedStateFromError(error: Error) {
    return { error, reloading: isChunkLoadError(error) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    if (isChunkLoadError(error)) {
      void reloadForNewVersion().then((reloads) => reloads || this.setState({ reloading: false }));
      return;
    }
    console.error(`Error in ${this.props.where}:`, error, info.componentStack);
  }

  render() {
    const { error, reloading } = this.state;
    if (!error) return this.props.children;
    if (reloading) {
      return (
        <p role="status" className="m-4 text-sm text-muted">
          {NEW_VERSION_STATUS}
        </p>
      );
    }
    return (
      <div role="alert" className="m-4 rounded-lg border border-bad bg-surface p-4">
        <p className="font-semibold">Something went wrong in {this.props.where}.</p>
        <p className="mt-1 font-mono text-sm text-muted">{error.message}</p>
        <button
          type="button"
          className="mt-3 rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </div>
    );
  }
}

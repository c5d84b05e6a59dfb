import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the part of the page in the message, e.g. "the editor". */
  where: string;
  children: ReactNode;
}

/** Catches a render error so one broken panel never blanks the page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Error in ${this.props.where}:`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
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

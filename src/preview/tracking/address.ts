// Where the tracking UI is: its pages and their addresses, which follow
// MLflow's UI's hash routes.

export type View =
  | { page: 'runs'; experimentId: string }
  | { page: 'run'; experimentId: string; runId: string }
  | { page: 'compare'; runIds: string[] }
  | { page: 'models' }
  | { page: 'model'; name: string };

/** Opens a page of the tracking UI. */
export type Go = (view: View) => void;

export function trackingAddress(view: View): string {
  switch (view.page) {
    case 'runs':
      return `localhost:5000/#/experiments/${view.experimentId}`;
    case 'run':
      return `localhost:5000/#/experiments/${view.experimentId}/runs/${view.runId}`;
    case 'compare':
      return `localhost:5000/#/compare-runs?runs=${JSON.stringify(view.runIds)}`;
    case 'models':
      return 'localhost:5000/#/models';
    case 'model':
      return `localhost:5000/#/models/${encodeURIComponent(view.name)}`;
  }
}

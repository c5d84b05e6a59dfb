// The model registry: registered models, and one model's versions with aliases.
import type { Go } from './address';
import { aliasesOf, aliasList, fmtTime, versionsNewestFirst } from './pages';
import type { UiStore } from './store';

export function ModelsPage({ store, go }: { store: UiStore; go: Go }) {
  const models = Object.values(store.registered_models);
  if (models.length === 0) return <p className="text-muted">No registered models yet. Log a model with registered_model_name=… to add one.</p>;
  return (
    <table className="w-full text-xs">
      <caption className="text-left text-base font-semibold">Registered models</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className="px-2 py-1.5 text-left">Name</th>
          <th scope="col" className="px-2 py-1.5 text-left">Latest version</th>
          <th scope="col" className="px-2 py-1.5 text-left">Aliases</th>
          <th scope="col" className="px-2 py-1.5 text-left">Last modified</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.name} className="border-t border-line">
            <td className="px-2 py-1.5">
              <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'model', name: m.name })}>
                {m.name}
              </button>
            </td>
            <td className="px-2 py-1.5">Version {Object.keys(m.versions).length}</td>
            <td className="px-2 py-1.5 font-mono">{aliasList(m)}</td>
            <td className="px-2 py-1.5">{fmtTime(m.last_updated_timestamp)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ModelPage({ store, name, go }: { store: UiStore; name: string; go: Go }) {
  const model = store.registered_models[name];
  if (!model) return <p>Model {name} not found.</p>;
  const versions = versionsNewestFirst(model);
  return (
    <article aria-label={`Registered model ${name}`}>
      <p className="text-xs text-muted">
        <button type="button" className="hover:underline" onClick={() => go({ page: 'models' })}>Registered models</button> / {name}
      </p>
      <h3 className="text-lg font-semibold">{name}</h3>
      <table className="mt-2 w-full text-xs">
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left">Version</th>
            <th scope="col" className="px-2 py-1.5 text-left">Registered at</th>
            <th scope="col" className="px-2 py-1.5 text-left">Aliases</th>
            <th scope="col" className="px-2 py-1.5 text-left">Source run</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const run = store.runs[v.run_id];
            const aliases = aliasesOf(model, v.version).map((a) => `@${a}`);
            return (
              <tr key={v.version} className="border-t border-line">
                <td className="px-2 py-1.5">Version {v.version}</td>
                <td className="px-2 py-1.5">{fmtTime(v.creation_timestamp)}</td>
                <td className="px-2 py-1.5 font-mono">{aliases.join(' ') || '—'}</td>
                <td className="px-2 py-1.5">
                  {run ? (
                    <button type="button" className="text-accent hover:underline" onClick={() => go({ page: 'run', experimentId: run.experiment_id, runId: run.run_id })}>
                      {run.run_name}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

// The model registry: registered models, and one model's versions with aliases.
import type { ReactNode } from 'react';
import type { Go } from './address';
import { aliasesOf, aliasList, fmtTime, versionsNewestFirst } from './pages';
import type { UiStore } from './store';

/** The registry's tables (models, one model's versions): headings over the rows given. */
function RegistryTable({ caption, headings, className = '', children }: { caption?: string; headings: string[]; className?: string; children: ReactNode }) {
  return (
    <table className={`${className} w-full text-xs`.trim()}>
      {caption && <caption className="text-left text-base font-semibold">{caption}</caption>}
      <thead className="bg-surface-2">
        <tr>
          {headings.map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 text-left">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function ModelsPage({ store, go }: { store: UiStore; go: Go }) {
  const models = Object.values(store.registered_models);
  if (models.length === 0) return <p className="text-muted">No registered models yet. Log a model with registered_model_name=… to add one.</p>;
  return (
    <RegistryTable caption="Registered models" headings={['Name', 'Latest version', 'Aliases', 'Last modified']}>
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
    </RegistryTable>
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
      <RegistryTable className="mt-2" headings={['Version', 'Registered at', 'Aliases', 'Source run']}>
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
      </RegistryTable>
    </article>
  );
}

/** /api/docs: a readable, dependency-free reference page rendered from the generated OpenAPI document. */
import { escapeHtml } from '@worker/http/html';
import { html, raw } from 'hono/html';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

/** The parts of an OpenAPI document the page shows. */
export interface ReferenceDoc {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

/** Renders the reference page for a document. */
export function renderReference(doc: ReferenceDoc) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const rows = ops
    .map(({ path, method, op }) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> <small>${p.in}${p.required ? ', required' : ''}</small></li>`,
        )
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${status}</code> ${escapeHtml(r.description ?? '')}</li>`)
        .join('');
      return `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? '')}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${body ? `<details><summary>Request body schema</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`;
    })
    .join('');
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${doc.info.title} reference</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
.op{border:1px solid #d9dee5;border-radius:.5rem;padding:.25rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:.25rem;color:#fff;font-size:.8rem;padding:.1rem .4rem}
.get{background:#2563eb}.post{background:#16a34a}.put{background:#ca8a04}.delete{background:#dc2626}.patch{background:#7c3aed}
pre{background:#f4f6f8;padding:.75rem;overflow:auto;font-size:.8rem}h4{margin:.5rem 0 0}
</style></head><body><h1>${doc.info.title}</h1><p>${doc.info.description ?? ''}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p>${raw(rows)}</body></html>`;
}

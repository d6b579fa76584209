// A record shown for a person: an agent's fields and rendered charter, a workflow's nodes and edges,
// any other kind as a list of its fields. A string naming a pinned version (kind/id@N) becomes a link.
import { h, route, show } from './dom.js';
import { renderMarkdown } from './markdown.js';

const pinned = /^([a-z][a-z0-9-]*)\/([^@\s/]+)@(\d+)$/;

/** A value as text, or as a link when it names a version. */
export function valueNode(value) {
  if (typeof value === 'string') {
    const match = value.match(pinned);
    if (match) return h('a', { href: route('e', match[1], match[2], 'v', match[3]) }, value);
  }
  return h('span', { class: typeof value === 'string' ? 'str' : 'lit' }, show(value));
}

/** Leaf values of a record as [path, value] pairs, JSON Pointer paths. */
export function leaves(value, prefix = '') {
  if (value !== null && typeof value === 'object' && !(Array.isArray(value) && value.every(v => v === null || typeof v !== 'object'))) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    return entries.flatMap(([key, v]) => leaves(v, `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [[prefix || '/', value]];
}

function fieldList(pairs) {
  return h('dl', { class: 'fields' }, pairs.map(([label, value]) => [h('dt', {}, label), h('dd', {}, Array.isArray(value) ? value.map(v => [valueNode(v), ' ']) : valueNode(value))]));
}

/** Renders content (the record) of kind. */
export function renderRecord(kind, content) {
  if (content === null || content === undefined) return h('p', { class: 'muted' }, 'The content of this version was removed.');
  if (kind === 'agent') return agent(content);
  if (kind === 'workflow' && Array.isArray(content.nodes)) return workflow(content);
  return h('section', { 'aria-label': 'Fields' }, fieldList(leaves(content).map(([p, v]) => [p, v])));
}

function agent(content) {
  const model = content.model ?? {};
  const tools = content.tools ?? {};
  const main = [
    ['Name', content.name], ['Role', content.role], ['Department', content.department], ['Level', content.level],
    ['Autonomy', content.autonomy_level ?? content.autonomy],
    ['Model', [model.provider, model.model_id].filter(Boolean).join(' / ') || undefined],
    ['Temperature', model.temperature], ['Max tokens', model.max_tokens],
    ['Tools allowed', tools.allowed], ['Tools denied', tools.denied],
  ].filter(([, v]) => v !== undefined && v !== null);
  const shown = new Set(['/name', '/role', '/department', '/level', '/autonomy_level', '/autonomy', '/charter', '/model/provider', '/model/model_id', '/model/temperature', '/model/max_tokens', '/tools/allowed', '/tools/denied', '/id']);
  const rest = leaves(content).filter(([p]) => !shown.has(p));
  return h('div', { class: 'agent' },
    h('section', { class: 'agent-fields', 'aria-labelledby': 'fields-heading' }, h('h2', { id: 'fields-heading' }, 'Fields'), fieldList(main),
      rest.length ? h('details', {}, h('summary', {}, `Other fields (${rest.length})`), fieldList(rest)) : null),
    h('section', { class: 'charter', 'aria-labelledby': 'charter-heading' }, h('h2', { id: 'charter-heading' }, 'Charter'),
      typeof content.charter === 'string' ? renderMarkdown(content.charter) : h('p', { class: 'muted' }, 'No charter.')));
}

function workflow(content) {
  const labels = new Map(content.nodes.map(n => [n.id, n.label ?? n.id]));
  return h('div', { class: 'workflow' },
    h('section', { 'aria-labelledby': 'nodes-heading' }, h('h2', { id: 'nodes-heading' }, `Nodes (${content.nodes.length})`),
      h('ol', { class: 'nodes' }, content.nodes.map(n => h('li', {}, h('strong', {}, n.label ?? n.id), ' ', h('span', { class: 'muted' }, `${n.id} · ${n.type ?? ''}`),
        n.config ? h('div', { class: 'muted' }, Object.entries(n.config).map(([k, v]) => `${k}: ${show(v)}`).join(' · ')) : null)))),
    h('section', { 'aria-labelledby': 'edges-heading' }, h('h2', { id: 'edges-heading' }, `Edges (${(content.edges ?? []).length})`),
      h('ul', { class: 'edges' }, (content.edges ?? []).map(e => h('li', {}, `${labels.get(e.source) ?? e.source} → ${labels.get(e.target) ?? e.target}`,
        e.label || e.type ? h('span', { class: 'muted' }, ` (${[e.type, e.label].filter(Boolean).join(', ')})`) : null)))),
    h('details', {}, h('summary', {}, 'All fields'), fieldList(leaves(content).filter(([p]) => !p.startsWith('/nodes') && !p.startsWith('/edges')))));
}

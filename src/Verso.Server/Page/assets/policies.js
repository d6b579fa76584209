// The policies that apply to an entity: its kind's and its own (how changes reach it), and each policed
// tag with whether the head could carry it now and, when not, what it lacks.
import { get, path } from './api.js';
import { h } from './dom.js';
import { linkTo } from './entity.js';

function rules(policy) {
  const approvals = policy.approvals === 0 ? 'no approvals needed' : `${policy.approvals} approval${policy.approvals === 1 ? '' : 's'} by others than the author`;
  return approvals + (policy.group ? ` from group/${policy.group}` : '') + (policy.direct_saves ? '; direct saves allowed' : '; changes only through change requests');
}

function promotion(item, head) {
  const needs = item.required_checks.length ? `needs ${item.required_checks.map(c => `${c}: pass`).join(', ')}` : 'needs no checks';
  const verdict = item.promotable
    ? h('p', { class: 'promotable yes' }, `v${head} could be promoted to ${item.tag} now.`)
    : h('p', { class: 'promotable no' }, `v${head} could not be promoted: ${needs}`,
      ` (${item.unmet.map(u => u.result ? `${u.name} last ${u.result} by ${u.by}` : `${u.name} has no result`).join('; ')}).`,
      h('br'), h('span', { class: 'muted' }, `Rule ${item.rule}: ${item.remedy}.`));
  return h('li', { 'data-tag-policy': item.tag },
    h('span', { class: 'tag' }, item.tag), ' ', h('a', { href: linkTo(item.policy) }, item.policy), `: ${needs}`,
    item.rollback_tag_on_fail ? '; a failing check moves the tag back' : '', verdict);
}

/** The section for kind/id, whose head is version head. */
export async function policySection(kind, id, head, signal) {
  const [{ items: governing }, { items: tags }] = await Promise.all([
    get(path('entities', kind, id, 'policies'), undefined, signal),
    get(path('entities', kind, id, 'promotion'), undefined, signal),
  ]);
  const empty = governing.length === 0 && tags.length === 0;
  return h('section', { 'aria-labelledby': 'policies-heading', id: 'policies' }, h('h2', { id: 'policies-heading' }, 'Policies'),
    empty ? h('p', { class: 'muted' }, 'No policy applies.') : null,
    governing.length ? h('ul', { class: 'policies' }, governing.map(p => h('li', { 'data-policy': p.policy },
      h('a', { href: linkTo(p.policy) }, p.policy), ` (${p.scope}): ${rules(p)}`))) : null,
    tags.length ? h('ul', { class: 'policies' }, tags.map(item => promotion(item, head))) : null);
}

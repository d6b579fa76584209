// The rollouts of an entity's labels: each variant with its weight and the decisions made under it, the planned
// steps and those taken, the checks on the candidate, and advance / promote / abort for those who may write.
import { get, path, request } from './api.js';
import { h, replace, route, when } from './dom.js';
import { checkBadges } from './checks.js';
import { problemLine } from './actions.js';

const percent = bp => `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;

function outcomes(variant) {
  const counts = Object.entries(variant.outcomes);
  return counts.length ? counts.map(([outcome, n]) => `${n} ${outcome.replace('_', ' ')}`).join(', ') : 'no decisions yet';
}

function variantRow(kind, id, rollout, variant, checks) {
  const label = variant.variant === 'control' ? 'control' : variant.variant === 'candidate' ? 'candidate' : 'served before';
  return h('tr', { 'data-variant': variant.version },
    h('th', { scope: 'row' }, h('a', { href: route('e', kind, id, 'v', variant.version) }, `v${variant.version}`), ' ', h('span', { class: 'muted' }, label)),
    h('td', {}, rollout.state === 'active' ? percent(variant.weight) : '—',
      rollout.state === 'active' ? h('meter', { min: 0, max: 10000, value: variant.weight, 'aria-label': `v${variant.version} weight` }) : null),
    h('td', {}, `${variant.decisions} · ${outcomes(variant)}`),
    h('td', {}, variant.variant === 'candidate' ? checkBadges(checks.get(variant.version)) ?? h('span', { class: 'muted' }, 'none') : null));
}

function steps(rollout) {
  if (!rollout.steps.length) return null;
  const weight = rollout.candidates[0]?.weight ?? 0;
  return h('div', { class: 'meta' }, 'Steps: ',
    h('ol', { class: 'steps', 'aria-label': `${rollout.label} steps` }, rollout.steps.map(step => h('li', { class: step <= weight ? 'taken' : null, 'aria-current': step === weight ? 'step' : null },
      step <= weight ? h('span', { 'aria-hidden': 'true' }, '✓ ') : null, percent(step)))),
    rollout.advance_on ? ` — a passing ${rollout.advance_on} check on the candidate takes the next step` : '');
}

async function act(status, rerender, label, verb, body) {
  const [, kind, id] = label;
  try {
    await request('POST', path(...label, verb), { body });
    rerender();
  } catch (error) {
    replace(status, problemLine(error, kind, id));
  }
}

function actions(kind, id, rollout, rerender) {
  const base = ['entities', kind, id, 'rollouts', rollout.label];
  const status = h('div', { class: 'problem', role: 'alert' });
  const reasonId = `abort-reason-${rollout.label}`;
  const reason = h('input', { id: reasonId, autocomplete: 'off' });
  const next = rollout.steps.find(s => s > (rollout.candidates[0]?.weight ?? 0));
  return h('div', { class: 'rollout-actions' },
    h('div', { class: 'toolbar' },
      next !== undefined ? h('button', { type: 'button', onclick: () => act(status, rerender, base, 'advance') }, `Advance to ${percent(next)}`) : null,
      h('button', { type: 'button', onclick: () => act(status, rerender, base, 'promote') }, `Promote v${rollout.candidates[0].version}`)),
    h('label', { for: reasonId }, 'Why abort'), reason,
    h('button', { type: 'button', onclick: () => {
      if (!reason.value.trim()) { replace(status, 'Say why you abort.'); reason.focus(); return; }
      act(status, rerender, base, 'abort', { reason: reason.value.trim() });
    } }, 'Abort: everyone back to the control'),
    status);
}

async function panel(kind, id, rollout, checks, writable, rerender, signal) {
  const report = await get(path('entities', kind, id, 'rollouts', rollout.label, 'report'), undefined, signal);
  const active = rollout.state === 'active';
  return h('div', { class: `rollout ${rollout.state}`, 'data-rollout': rollout.label },
    h('h3', {}, h('span', { class: 'tag' }, rollout.label), ` ${rollout.state}`, h('span', { class: 'muted' }, ` · rollout v${rollout.version}`)),
    h('table', { class: 'variants' },
      h('caption', { class: 'muted' }, `Variants of ${rollout.label}${rollout.bucket_by ? `, bucketed by ${rollout.bucket_by}` : ''}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Weight'), h('th', { scope: 'col' }, 'Decisions'), h('th', { scope: 'col' }, 'Checks'))),
      h('tbody', {}, report.variants.map(v => variantRow(kind, id, rollout, v, checks)))),
    steps(rollout),
    h('p', { class: 'meta' }, rollout.reason ? `“${rollout.reason}” ` : '', `by ${rollout.changed_by}, `, when(rollout.changed_at)),
    active && writable ? actions(kind, id, rollout, rerender) : null);
}

/** The section for kind/id; nothing when no label of it ever had a rollout. */
export async function rolloutSection(kind, id, checks, writable, rerender, signal) {
  const { items } = await get(path('entities', kind, id, 'rollouts'), undefined, signal);
  if (!items.length) return null;
  const panels = await Promise.all(items.map(r => panel(kind, id, r, checks, writable, rerender, signal)));
  return h('section', { 'aria-labelledby': 'rollouts-heading', id: 'rollouts' }, h('h2', { id: 'rollouts-heading' }, 'Rollouts'), panels);
}

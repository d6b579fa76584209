// The write actions: roll back (with the diff it applies, a reason and the expected head) and move a tag.
import { ApiError, get, path, request } from './api.js';
import { h, replace, route } from './dom.js';
import { changeList, proseViews } from './changes.js';

/** Opens a modal dialog; answers it, and removes it from the page once closed. */
function dialog(title, ...body) {
  const node = h('dialog', { 'aria-labelledby': 'dialog-title' }, h('h2', { id: 'dialog-title' }, title), ...body);
  node.addEventListener('close', () => node.remove());
  document.body.appendChild(node);
  node.showModal();
  return node;
}

function problemLine(error, kind, id) {
  if (error instanceof ApiError && error.status === 409 && error.problem.actual !== undefined) {
    return [`Someone saved version ${error.problem.actual} meanwhile. `,
      h('a', { href: route('e', kind, id, 'compare', error.problem.expected, error.problem.actual) }, `See what changed in v${error.problem.actual}`),
      ', then try again.'];
  }
  if (error instanceof ApiError && error.problem.problems) {
    // The detail repeats the problems in one line; the list says each once, by its path.
    const count = error.problem.problems.length;
    return [`The record has ${count} problem${count === 1 ? '' : 's'}:`, h('ul', {}, error.problem.problems.map(p => h('li', {}, h('code', {}, p.path || '/'), ' ', p.message)))];
  }
  return error.message;
}

/** Rolls kind/id back to target: shows the diff from the head, asks for a reason, sends the expected head. */
export async function rollbackDialog({ kind, id, head, rerender }, target) {
  const diff = await get(path('entities', kind, id, 'diff'), { from: head, to: target });
  const reason = h('textarea', { id: 'rollback-reason', rows: 3, required: true });
  const status = h('div', { class: 'problem', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary' }, `Roll back to v${target}`);
  const node = dialog(`Roll back ${kind}/${id} to v${target}`,
    h('p', {}, `The head is v${head}. Rolling back saves a new version with v${target}'s content; these changes will be applied:`),
    h('div', { class: 'dialog-diff', tabindex: 0, role: 'region', 'aria-label': 'The changes' }, changeList(diff.changes), proseViews(diff.changes, `v${head}`, `v${target}`)),
    h('form', { method: 'dialog', onsubmit: async event => {
      event.preventDefault();
      if (!reason.value.trim()) { replace(status, 'Say why you roll back.'); reason.focus(); return; }
      confirm.disabled = true;
      try {
        await request('POST', path('entities', kind, id, 'rollback'), { body: { to: target, reason: reason.value.trim(), expected_version: head } });
        node.close();
        go(route('e', kind, id), rerender);
      } catch (error) {
        confirm.disabled = false;
        replace(status, problemLine(error, kind, id));
      }
    } },
    h('label', { for: 'rollback-reason' }, 'Reason (kept as the version\'s message)'), reason, status,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => node.close() }, 'Cancel'), confirm)));
  reason.focus();
}

/**
 * Where direct saves are off: proposes target's content as a change request against the head, with the same
 * diff a rollback would show and the reason as its message; opens the request for review.
 */
export async function proposeRollbackDialog({ kind, id, head }, target) {
  const [diff, version] = await Promise.all([
    get(path('entities', kind, id, 'diff'), { from: head, to: target }),
    get(path('entities', kind, id, 'versions', target)),
  ]);
  const reason = h('textarea', { id: 'rollback-reason', rows: 3, required: true });
  const status = h('div', { class: 'problem', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary' }, 'Propose the rollback');
  const node = dialog(`Propose a rollback of ${kind}/${id} to v${target}`,
    h('p', {}, `A policy turns direct saves off here. This proposes v${target}'s content against the head v${head}; once approved and applied, these changes land:`),
    h('div', { class: 'dialog-diff', tabindex: 0, role: 'region', 'aria-label': 'The changes' }, changeList(diff.changes), proseViews(diff.changes, `v${head}`, `v${target}`)),
    h('form', { method: 'dialog', onsubmit: async event => {
      event.preventDefault();
      if (!reason.value.trim()) { replace(status, 'Say why you roll back.'); reason.focus(); return; }
      confirm.disabled = true;
      try {
        const proposed = await request('POST', path('change-requests'), {
          body: { kind, id, record: version.content, message: `roll back to v${target}: ${reason.value.trim()}`, base_version: head },
        });
        node.close();
        location.hash = route('cr', proposed.id);
      } catch (error) {
        confirm.disabled = false;
        replace(status, problemLine(error, kind, id));
      }
    } },
    h('label', { for: 'rollback-reason' }, 'Reason (kept as the request\'s message)'), reason, status,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => node.close() }, 'Cancel'), confirm)));
  reason.focus();
}

/** Points a tag (production by default) at version. */
export function promoteDialog({ kind, id, rerender }, version) {
  const name = h('input', { id: 'tag-name', value: 'production', required: true, autocomplete: 'off' });
  const at = h('input', { id: 'tag-version', value: String(version), required: true, inputmode: 'numeric', autocomplete: 'off' });
  const reason = h('input', { id: 'tag-reason', autocomplete: 'off' });
  const status = h('div', { class: 'problem', role: 'alert' });
  const node = dialog(`Move a tag of ${kind}/${id}`,
    h('form', { method: 'dialog', onsubmit: async event => {
      event.preventDefault();
      try {
        const body = { version: /^\d+$/.test(at.value.trim()) ? Number(at.value.trim()) : at.value.trim(), reason: reason.value.trim() || undefined };
        await request('PUT', path('entities', kind, id, 'tags', name.value.trim()), { body });
        node.close();
        go(location.hash, rerender);
      } catch (error) {
        replace(status, problemLine(error, kind, id));
      }
    } },
    h('label', { for: 'tag-name' }, 'Tag'), name,
    h('label', { for: 'tag-version' }, 'Version'), at,
    h('label', { for: 'tag-reason' }, 'Reason'), reason, status,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => node.close() }, 'Cancel'), h('button', { type: 'submit', class: 'primary' }, 'Move tag'))));
  name.focus();
}

/** Shows the page at hash, rendering it again when it is the one already shown. */
function go(hash, rerender) {
  if (location.hash === hash) rerender();
  else location.hash = hash;
}

export { problemLine };

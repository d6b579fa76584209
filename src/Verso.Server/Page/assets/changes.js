// A diff's changes for a person: one line per structural change, prose side by side with the changed
// lines and, inside them, the changed words highlighted.
import { h, show } from './dom.js';
import { sideBySide, wordDiff } from './textdiff.js';

function describe(change) {
  switch (change.kind) {
    case 'added': return [h('span', { class: 'path' }, change.path), ' added ', h('ins', {}, show(change.new))];
    case 'removed': return [h('span', { class: 'path' }, change.path), ' removed ', h('del', {}, show(change.old))];
    case 'moved': return [h('span', { class: 'path' }, change.from), ' moved to ', h('span', { class: 'path' }, change.path)];
    default: return change.hunks
      ? [h('span', { class: 'path' }, change.path), ' text changed (below)']
      : [h('span', { class: 'path' }, change.path), ' ', h('del', {}, show(change.old)), ' → ', h('ins', {}, show(change.new))];
  }
}

/** The structural change list. */
export function changeList(changes) {
  if (changes.length === 0) return h('p', { class: 'muted' }, 'No changes.');
  return h('ul', { class: 'changes' }, changes.map(c => h('li', { class: `change ${c.kind}`, 'data-path': c.path }, describe(c))));
}

/** Side-by-side views of every multi-line text change, with the two versions' labels. */
export function proseViews(changes, oldLabel, newLabel) {
  return changes.filter(c => c.hunks).map(c => h('section', { class: 'prose-diff', 'aria-label': `Text of ${c.path}` },
    h('h3', {}, c.path),
    h('div', { class: 'scroll' }, h('table', { class: 'sbs' },
      h('colgroup', {}, h('col', { class: 'num' }), h('col'), h('col', { class: 'num' }), h('col')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', colspan: 2 }, oldLabel), h('th', { scope: 'col', colspan: 2 }, newLabel))),
      c.hunks.map(hunk => h('tbody', {}, sideBySide(hunk).map(row => {
        const [left, right] = row.kind === 'changed' ? wordDiff(row.left.text, row.right.text) : [row.left?.text, row.right?.text];
        return h('tr', { class: row.kind },
          h('td', { class: 'num' }, row.left?.number ?? ''),
          h('td', { class: row.left ? (row.kind === 'same' ? 'line' : 'line old') : 'line none' }, row.left ? (row.kind === 'removed' ? h('del', {}, left) : left) : ''),
          h('td', { class: 'num' }, row.right?.number ?? ''),
          h('td', { class: row.right ? (row.kind === 'same' ? 'line' : 'line new') : 'line none' }, row.right ? (row.kind === 'added' ? h('ins', {}, right) : right) : ''));
      })))))));
}

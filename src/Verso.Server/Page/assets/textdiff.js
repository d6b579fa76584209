// Word-level highlighting inside a changed line: the longest common subsequence of the two lines' words.
import { h } from './dom.js';

/** Splits a line into words and the spaces and punctuation between them, keeping everything. */
function tokens(line) {
  return line.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/**
 * Marks the words of oldLine that newLine lacks and the words of newLine that oldLine lacks.
 * Answers [oldNodes, newNodes], with the changed runs wrapped in <del> and <ins>.
 */
export function wordDiff(oldLine, newLine) {
  const a = tokens(oldLine);
  const b = tokens(newLine);
  // Lines of prose are short; a quadratic table is fine, but cap it so a huge line cannot hang the page.
  if (a.length * b.length > 250000) return [[h('del', {}, oldLine)], [h('ins', {}, newLine)]];
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const left = [];
  const right = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(left, 'same', a[i]); push(right, 'same', b[j]); i++; j++;
    } else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) {
      push(right, 'ins', b[j++]);
    } else {
      push(left, 'del', a[i++]);
    }
  }
  return [joinRuns(left).map(node), joinRuns(right).map(node)];
}

/** Lets one changed run span the spaces between changed words: "<del>never approve</del>", not word by word. */
function joinRuns(runs) {
  const joined = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    const previous = joined[joined.length - 1];
    const next = runs[k + 1];
    if (run.kind === 'same' && /^\s+$/.test(run.text) && previous && next && previous.kind !== 'same' && previous.kind === next.kind) {
      previous.text += run.text + next.text;
      k++;
    } else if (previous && previous.kind === run.kind) {
      previous.text += run.text;
    } else {
      joined.push({ ...run });
    }
  }
  return joined;
}

/** True when two lines share at least half of their words: an edit of one line, not a replacement. */
export function similar(oldLine, newLine) {
  const words = line => (line.match(/[\p{L}\p{N}_]+/gu) ?? []).map(w => w.toLowerCase());
  const a = words(oldLine);
  const b = new Set(words(newLine));
  if (a.length === 0 || b.size === 0) return false;
  const shared = a.filter(w => b.has(w)).length;
  return shared * 2 >= Math.max(a.length, b.size);
}

function push(runs, kind, text) {
  const last = runs[runs.length - 1];
  if (last && last.kind === kind) last.text += text;
  else runs.push({ kind, text });
}

function node(run) {
  return run.kind === 'same' ? document.createTextNode(run.text) : h(run.kind, {}, run.text);
}

/**
 * Rows for a side-by-side view of one unified hunk (" same", "-old", "+new"): each row is
 * {left, right, kind} with kind "same", "changed", "removed" or "added"; a run of removed lines is
 * paired with the run of added lines that follows it, line by line.
 */
export function sideBySide(hunk) {
  const rows = [];
  let oldNumber = hunk.old_start;
  let newNumber = hunk.new_start;
  const lines = hunk.lines;
  let k = 0;
  while (k < lines.length) {
    const line = lines[k];
    if (line.startsWith('-') || line.startsWith('+')) {
      const removed = [];
      const added = [];
      while (k < lines.length && lines[k].startsWith('-')) removed.push(lines[k++].slice(1));
      while (k < lines.length && lines[k].startsWith('+')) added.push(lines[k++].slice(1));
      // Pair the n-th removed line with the n-th added one only when they are alike; else show both whole.
      for (let n = 0; n < Math.max(removed.length, added.length); n++) {
        const hasOld = n < removed.length;
        const hasNew = n < added.length;
        if (hasOld && hasNew && !similar(removed[n], added[n])) {
          rows.push({ left: { number: oldNumber++, text: removed[n] }, right: null, kind: 'removed' });
          rows.push({ left: null, right: { number: newNumber++, text: added[n] }, kind: 'added' });
          continue;
        }
        const left = hasOld ? { number: oldNumber++, text: removed[n] } : null;
        const right = hasNew ? { number: newNumber++, text: added[n] } : null;
        rows.push({ left, right, kind: left && right ? 'changed' : left ? 'removed' : 'added' });
      }
    } else {
      const text = line.slice(1);
      rows.push({ left: { number: oldNumber++, text }, right: { number: newNumber++, text }, kind: 'same' });
      k++;
    }
  }
  return rows;
}

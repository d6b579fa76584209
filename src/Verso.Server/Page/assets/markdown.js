// A small Markdown renderer for charters: headings, paragraphs, lists, quotes, code, emphasis and links.
// It builds DOM nodes with text nodes only; raw HTML in a charter shows as text, and a link keeps only an
// http(s), mailto or in-page address, so a charter can neither inject markup nor run script.
import { h } from './dom.js';

/** Renders markdown text to a <div class="prose">. */
export function renderMarkdown(text) {
  const root = h('div', { class: 'prose' });
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*$/.test(line)) { i++; continue; }
    const fence = line.match(/^\s*(```|~~~)/);
    if (fence) {
      const body = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      root.appendChild(h('pre', {}, h('code', {}, body.join('\n'))));
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      // Charter headings sit below the page's own h1/h2, so they start at h3.
      const level = Math.min(6, heading[1].length + 2);
      root.appendChild(h(`h${level}`, {}, inline(heading[2])));
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) { root.appendChild(h('hr')); i++; continue; }
    if (/^\s*>/.test(line)) {
      const body = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) body.push(lines[i++].replace(/^\s*>\s?/, ''));
      root.appendChild(h('blockquote', {}, [...renderMarkdown(body.join('\n')).childNodes]));
      continue;
    }
    const bullet = /^\s*[-*+]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const pattern = bullet.test(line) ? bullet : numbered;
      const list = h(pattern === bullet ? 'ul' : 'ol');
      while (i < lines.length && pattern.test(lines[i])) {
        let item = lines[i++].replace(pattern, '');
        // A continuation line is indented and is neither a new item nor blank.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !pattern.test(lines[i])) item += ' ' + lines[i++].trim();
        list.appendChild(h('li', {}, inline(item)));
      }
      root.appendChild(list);
      continue;
    }
    const paragraph = [];
    while (i < lines.length && !/^\s*$/.test(lines[i]) && !/^(#{1,6}\s|\s*```|\s*~~~|\s*>|\s*[-*+]\s+|\s*\d+[.)]\s+)/.test(lines[i])) {
      paragraph.push(lines[i++].trim());
    }
    if (paragraph.length === 0) paragraph.push(lines[i++].trim());
    root.appendChild(h('p', {}, inline(paragraph.join(' '))));
  }
  return root;
}

const inlinePattern = /(`+)([\s\S]*?)\1|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/;

/** Inline spans of one block, as an array of nodes. */
export function inline(text) {
  const nodes = [];
  let rest = text;
  while (rest.length > 0) {
    const match = rest.match(inlinePattern);
    if (!match) { nodes.push(document.createTextNode(rest)); break; }
    if (match.index > 0) nodes.push(document.createTextNode(rest.slice(0, match.index)));
    const [whole, , code, strong1, strong2, em1, em2, label, href] = match;
    if (code !== undefined) nodes.push(h('code', {}, code));
    else if (strong1 ?? strong2) nodes.push(h('strong', {}, inline(strong1 ?? strong2)));
    else if (em1 ?? em2) nodes.push(h('em', {}, inline(em1 ?? em2)));
    else if (label !== undefined) nodes.push(safeHref(href) ? h('a', { href, rel: 'noopener noreferrer nofollow' }, inline(label)) : document.createTextNode(whole));
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}

function safeHref(href) {
  return /^(https?:\/\/|mailto:|#)/i.test(href);
}

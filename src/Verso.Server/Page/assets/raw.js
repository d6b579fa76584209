// A version as its raw JSON: shown on demand, copied to the clipboard, or downloaded as a file named after it.
import { h } from './dom.js';

/** The raw section of one version (version: the API's version with content). */
export function rawSection(kind, id, version) {
  if (version.content === null || version.content === undefined) return null;
  const text = JSON.stringify(version.content, null, 2) + '\n';
  const name = `${kind}-${id}-v${version.version}.json`;
  const status = h('span', { class: 'muted', role: 'status', id: 'raw-status' });
  const copy = h('button', { type: 'button', id: 'copy-json', onclick: async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard (an insecure origin or a refused permission): select the text for the operator to copy.
      const pre = document.getElementById('raw-json');
      pre.closest('details').open = true;
      getSelection().selectAllChildren(pre);
      status.textContent = 'Selected: copy it with your keyboard.';
    }
  } }, 'Copy JSON');
  const download = h('a', { class: 'button', id: 'download-json', download: name, href: `data:application/json;charset=utf-8,${encodeURIComponent(text)}` }, 'Download JSON');
  return h('section', { class: 'raw', 'aria-labelledby': 'raw-heading' },
    h('h2', { id: 'raw-heading' }, 'Raw'),
    h('div', { class: 'toolbar' }, copy, download, status),
    h('details', {}, h('summary', {}, `JSON of v${version.version}`), h('pre', { id: 'raw-json', tabindex: 0 }, text)));
}

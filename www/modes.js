// The site's modes (核对, and what features add: 填报, 批量 …). A feature module calls
// registerMode() when app.js imports it; the tab bar is built from the registry, so a new mode
// is one file and one import. A mode's panel is mounted the first time it is shown.
// The mode shown is kept in the query (?mode=fill), never in the fragment: the fragment is
// for data that must not reach a server (share links).
const modes = [];

/**
 * Adds a mode. `mount(panel, site)` fills its <section> the first time it is shown;
 * `site.lang()` gives 'zh' or 'en', and a 'gouji-lang' event on document says when it changes.
 */
export function registerMode({ id, zh, en, mount }) {
  modes.push({ id, zh, en, mount, panel: null, mounted: false });
}

let site = null;

/** Builds the tab bar in `nav` and the panels after `first` (the 核对 panel); shows `initial`. */
export function startModes(nav, first, initial, siteApi) {
  site = siteApi;
  modes.unshift({ id: 'check', zh: '核对', en: 'Check', panel: first, mounted: true });
  if (modes.length < 2) { nav.hidden = true; return; }
  // the tablist inside the <nav>, so the nav stays a landmark (role=tablist on it would not be)
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  nav.append(list);
  let after = first;
  for (const m of modes) {
    if (!m.panel) {
      m.panel = document.createElement('section');
      m.panel.hidden = true;
      after.after(m.panel);
    }
    after = m.panel;
    m.panel.id = `mode-${m.id}`;
    m.panel.setAttribute('role', 'tabpanel');
    m.panel.setAttribute('aria-labelledby', `tab-${m.id}`);
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `tab-${m.id}`;
    tab.dataset.mode = m.id;
    tab.dataset.zh = m.zh;
    tab.dataset.en = m.en;
    tab.textContent = site.lang() === 'en' ? m.en : m.zh;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', m.panel.id);
    tab.addEventListener('click', () => show(m.id, true));
    tab.addEventListener('keydown', (e) => {
      const i = modes.indexOf(m);
      const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -1;
      if (j < 0 || j >= modes.length) return;
      e.preventDefault();
      show(modes[j].id, true);
      document.getElementById(`tab-${modes[j].id}`).focus();
    });
    list.append(tab);
  }
  show(modes.some((m) => m.id === initial) ? initial : 'check', false);
}

/** Shows mode `id`; `remember` puts it in the query (history.replaceState). */
export function show(id, remember) {
  for (const m of modes) {
    const on = m.id === id;
    m.panel.hidden = !on;
    const tab = document.getElementById(`tab-${m.id}`);
    if (tab) {
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    if (on && !m.mounted) {
      m.mounted = true;
      m.mount(m.panel, site);
    }
  }
  if (remember) {
    const u = new URL(location.href);
    if (id === 'check') u.searchParams.delete('mode'); else u.searchParams.set('mode', id);
    history.replaceState(history.state, '', u);
  }
}

// The site's 填报 (fill-in) mode: <gouji-form> with a draft kept in this browser, and a
// button that loads the report now in the checker (核对) into the form to correct it.
import './gouji/gouji-form-define.js';
import { registerMode } from './modes.js';

const WORDS = {
  zh: {
    intro: '为准备年度报告的工作人员：在官方表格中填入数字，每一处勾稽关系都会随输入即时核对；填好后可复制或下载为表格文本、网页 HTML 或 JSON。',
    load: '载入“核对”中的报告',
    loaded: (title) => `已载入“核对”中的报告${title ? `：${title}` : ''}，可直接修改。`,
    nothing: '“核对”中还没有可载入的报告：请先在“核对”中粘贴一份报告。',
  },
  en: {
    intro: 'For the staff who prepare the report: type the numbers into the official form and every relation is checked as you type; then copy or download it as tab-separated text, HTML for a website, or JSON.',
    load: 'Load the report from “Check”',
    loaded: (title) => `Loaded the report from “Check”${title ? `: ${title}` : ''}; correct it here.`,
    nothing: 'There is no report in “Check” to load yet: paste one there first.',
  },
};

function mount(panel, site) {
  const words = () => WORDS[site.lang() === 'en' ? 'en' : 'zh'];
  const intro = document.createElement('p');
  intro.className = 'fill-intro';
  const load = document.createElement('button');
  load.type = 'button';
  load.className = 'fill-load';
  load.dataset.testid = 'load-from-checker';
  const said = document.createElement('p');
  said.className = 'fill-said';
  said.setAttribute('role', 'status');
  let saidKey = null;
  const form = document.createElement('gouji-form');
  form.setAttribute('draft-key', 'gouji:fill:draft:v1');
  const relabel = () => {
    const w = words();
    intro.textContent = w.intro;
    load.textContent = w.load;
    said.textContent = saidKey ? (typeof w[saidKey[0]] === 'function' ? w[saidKey[0]](saidKey[1]) : w[saidKey[0]]) : '';
    form.setAttribute('lang', site.lang());
  };
  load.addEventListener('click', () => {
    const r = site.checker?.report;
    saidKey = r?.recognised && form.loadReport(r) ? ['loaded', r.title ?? ''] : ['nothing'];
    relabel();
  });
  document.addEventListener('gouji-lang', relabel);
  relabel();
  const bar = document.createElement('div');
  bar.className = 'fill-bar';
  bar.append(load, said);
  panel.append(intro, bar, form);
}

registerMode({ id: 'fill', zh: '填报', en: 'Fill in', mount });

// Opens notebooks in a running classic Jupyter Notebook with Debian's chromium (driven by playwright-core, no
// browser download), takes a screenshot of each, and prints what a reader sees as JSON on stdout: whether the
// notebook is trusted, every badge's computed colours, and every table cell's computed alignment and width.
// test_browser_notebooks.py starts the server and judges the facts; this script only looks.
//
//   node notebook_views.js --url http://127.0.0.1:PORT --token TOKEN --shots DIR NAME.ipynb...
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.IAMNB_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTH = 1200;

function parseArgs(argv) {
  const args = { notebooks: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url' || a === '--token' || a === '--shots') {
      args[a.slice(2)] = argv[++i];
    } else {
      args.notebooks.push(a);
    }
  }
  for (const need of ['url', 'token', 'shots']) {
    if (!args[need]) throw new Error(`notebook_views.js: --${need} is required`);
  }
  return args;
}

// Runs in the page. Reads the notebook's stored outputs (the contents API) to know which spans were meant as
// badges (a background in their style, or a label class), then measures the rendered outputs.
function measure() {
  const stored = Jupyter.notebook.toJSON();
  const badgeTexts = new Set();
  for (const cell of stored.cells) {
    for (const out of cell.outputs || []) {
      const html = out.data && out.data['text/html'];
      if (!html) continue;
      const doc = new DOMParser().parseFromString(Array.isArray(html) ? html.join('') : html, 'text/html');
      for (const span of doc.querySelectorAll('span')) {
        const style = span.getAttribute('style') || '';
        if (/background/.test(style) || /\blabel\b/.test(span.className)) badgeTexts.add(span.textContent.trim());
      }
    }
  }
  const pageBackground = getComputedStyle(document.querySelector('#notebook-container')).backgroundColor;
  const badges = [];
  for (const span of document.querySelectorAll('.output_html span')) {
    const text = span.textContent.trim();
    if (!badgeTexts.has(text) || span.children.length) continue;
    const s = getComputedStyle(span);
    badges.push({ text, background: s.backgroundColor, color: s.color, visible: span.getBoundingClientRect().width > 0 });
  }
  // The block that lays out a cell's text decides its alignment: the cell itself or a block inside it.
  const alignmentOf = (td) => {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT, { acceptNode: n => n.data.trim() ? 1 : 3 });
    const first = walker.nextNode();
    let e = first ? first.parentElement : td;
    while (e !== td && !/^(block|table-cell|list-item|flex)$/.test(getComputedStyle(e).display)) e = e.parentElement;
    return getComputedStyle(e).textAlign;
  };
  const cells = [];
  document.querySelectorAll('.output_html table').forEach((table, t) => {
    for (const row of table.rows) {
      [...row.cells].forEach((td, c) => {
        if (td.tagName !== 'TD' || td.colSpan > 1) return;
        const text = td.innerText.trim();
        if (!text) return;
        const box = td.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(td);
        const content = range.getBoundingClientRect();
        const s = getComputedStyle(td);
        cells.push({
          table: t, column: c, text: text.slice(0, 120), length: text.length,
          width: Math.round(box.width), align: alignmentOf(td),
          leftGap: Math.round(content.left - box.left - parseFloat(s.paddingLeft)),
          rightGap: Math.round(box.right - content.right - parseFloat(s.paddingRight)),
        });
      });
    }
  });
  return { trusted: Jupyter.notebook.trusted, badges, cells, outputs: document.querySelectorAll('.output_area').length };
}

async function shutDownKernels(page, args) {
  await page.evaluate(async ({ token }) => {
    const headers = { Authorization: 'token ' + token };
    const sessions = await (await fetch('/api/sessions', { headers })).json();
    for (const s of sessions) await fetch('/api/sessions/' + s.id, { method: 'DELETE', headers });
  }, { token: args.token });
}

async function view(context, args, name) {
  const page = await context.newPage();
  try {
    await page.goto(`${args.url}/notebooks/${encodeURIComponent(name)}?token=${args.token}`);
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded
      && Jupyter.notebook.kernel, null, { timeout: 30000 });
    // Stored outputs are what is looked at: the kernel the page started is shut down at once, before its JVM
    // spends seconds of CPU warming up for nothing.
    const shutdown = shutDownKernels(page, args);
    await page.waitForTimeout(300);   // images decode and MathJax-free outputs settle
    const facts = await page.evaluate(measure);
    // The classic notebook scrolls inside #site, not the page: grow the viewport to the notebook's height.
    const height = await page.evaluate(() => document.querySelector('#notebook').scrollHeight
      + document.querySelector('#header').offsetHeight);
    await page.setViewportSize({ width: WIDTH, height: Math.min(Math.max(height, 600), 30000) });
    const shot = path.join(args.shots, name.replace(/\.ipynb$/, '.png'));
    await page.screenshot({ path: shot });
    await shutdown;
    return Object.assign({ notebook: name, screenshot: shot }, facts);
  } finally {
    await page.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'iamnb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: WIDTH, height: 900 },
  });
  try {
    const results = [];
    for (const name of args.notebooks) {
      const started = Date.now();
      results.push(await view(context, args, name));
      process.stderr.write(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(e.stack || String(e)); process.exit(1); });

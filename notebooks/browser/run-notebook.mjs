// Runs course notebooks through the JupyterLab 4 or Notebook 7 UI in headless Chromium: for each
// notebook it opens the page, waits for the kernel, clicks Run > Run All Cells, waits until every
// code cell has its execution number and the kernel is idle, then checks what the page shows: no
// error and no stderr output, and at least as many plot images as the notebook's cells declare
// ("expect_mime": ["image/png"]). Saves one full-page screenshot per notebook.
//   node run-notebook.mjs BASE_URL TOKEN UI SCREENSHOT_DIR REPORT_JSON USER_DATA_DIR NOTEBOOK...
// UI: lab (JupyterLab, /lab/tree/...) or notebook (Notebook 7, /notebooks/...). NOTEBOOK: a path
// relative to the server's root, e.g. notebooks/00-start-here.ipynb.
// A kernel that does not become ready within BROWSER_KERNEL_START_TIMEOUT s (90) gets its session
// deleted and the notebook reopened (a new kernel), up to BROWSER_KERNEL_START_RETRIES (2) times;
// each retry is printed as RETRY and counted in the report.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const [base, token, ui, shotDir, reportPath, userDataDir, ...notebooks] = process.argv.slice(2);
if (!['lab', 'notebook'].includes(ui) || notebooks.length === 0) {
  console.error('usage: node run-notebook.mjs BASE_URL TOKEN lab|notebook SCREENSHOT_DIR REPORT_JSON USER_DATA_DIR NOTEBOOK...');
  process.exit(2);
}
const START_TIMEOUT = Number(process.env.BROWSER_KERNEL_START_TIMEOUT || 90) * 1000;
const RETRIES = Number(process.env.BROWSER_KERNEL_START_RETRIES || 2);
const RUN_TIMEOUT = Number(process.env.BROWSER_RUN_TIMEOUT || 300) * 1000;
const ROOT = process.env.BROWSER_SERVER_ROOT || '.';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const began = Date.now();
const report = { ui, passed: false, retries: 0, images: 0, tables: 0, seconds: 0, notebooks: [] };
const say = (m) => console.log(`[browser-test] ${m}`);
// The notebook on show (other dock panels, if any, are hidden with lm-mod-hidden).
const NOTEBOOK = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook';

async function api(path, method = 'GET') {
  const r = await fetch(`${base}${path}`, { method, headers: { Authorization: `token ${token}` } });
  if (!r.ok && r.status !== 204) throw new Error(`${method} ${path}: HTTP ${r.status}`);
  return r.status === 204 ? null : r.json();
}

async function session(path) {
  const sessions = await api('/api/sessions');
  return sessions.find((s) => s.path === path || s.notebook?.path === path);
}

// Ready: the server has a session for the notebook whose kernel is idle, and the page shows the notebook.
async function waitKernelReady(path, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await session(path).catch(() => null);
    if (s && s.kernel && s.kernel.execution_state === 'idle') return s;
    if (Date.now() > end) throw new Error(`Timeout: the kernel of ${path} was not ready after ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function expectedImages(path) {
  const nb = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  return nb.cells.filter((c) => c.cell_type === 'code' && (c.metadata?.expect_mime || []).includes('image/png')).length;
}

async function runAll(page) {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).first().click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).first().click();
}

async function allCellsDone(page, path, timeout) {
  const end = Date.now() + timeout;
  let idleSince = 0;
  for (;;) {
    const prompts = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} .jp-CodeCell .jp-InputPrompt`)]
      .map((p) => p.textContent.trim()), NOTEBOOK);
    const numbered = prompts.filter((p) => /\[\d+\]/.test(p)).length;
    const s = await session(path).catch(() => null);
    const idle = s?.kernel?.execution_state === 'idle';
    if (prompts.length > 0 && numbered === prompts.length && idle) return { total: prompts.length, numbered };
    // Run All stops at a cell that fails: the kernel goes idle with cells left unnumbered.
    if (idle && numbered > 0 && !prompts.some((p) => p.includes('*'))) {
      idleSince = idleSince || Date.now();
      if (Date.now() - idleSince > 10000) return { total: prompts.length, numbered };
    } else {
      idleSince = 0;
    }
    if (Date.now() > end) throw new Error(`Timeout: ${numbered} of ${prompts.length} code cells ran in ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function runNotebook(context, path) {
  const r = { notebook: basename(path), path, passed: false, retries: 0, images: 0, tables: 0, errors: 0,
    cells: 0, seconds: 0, screenshot: join(shotDir, `${basename(path, '.ipynb')}${ui === 'lab' ? '' : '.notebook7'}.png`),
    messages: [] };
  const log = (m) => { say(`${r.notebook}: ${m}`); r.messages.push(m); };
  const t0 = Date.now();
  // A workspace of its own per notebook: JupyterLab reopens the tabs of the workspace it last
  // saved, which would bring back (and start kernels for) the notebooks run before.
  const workspace = `browser-test-${Date.now().toString(36)}-${basename(path, '.ipynb')}`;
  const url = ui === 'lab' ? `${base}/lab/workspaces/${workspace}/tree/${path}?token=${token}`
    : `${base}/notebooks/${path}?token=${token}`;
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  let ran = { total: 0, numbered: 0 };
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 60000 });
        await page.waitForSelector(`${NOTEBOOK} .jp-CodeCell`, { timeout: 60000 });
        await waitKernelReady(path, START_TIMEOUT);
        log(`kernel ready after ${((Date.now() - t0) / 1000).toFixed(1)} s; Run > Run All Cells`);
        await runAll(page);
        ran = await allCellsDone(page, path, RUN_TIMEOUT);
        r.cells = ran.total;
        break;
      } catch (e) {
        if (attempt >= RETRIES || !/Timeout/i.test(String(e))) throw e;
        r.retries++;
        log(`RETRY ${attempt + 1} of ${RETRIES}: ${String(e.message).split('\n')[0]}; deleting the session and reopening`);
        const s = await session(path).catch(() => null);
        if (s) await api(`/api/sessions/${s.id}`, 'DELETE').catch(() => {});
      }
    }
    await page.waitForTimeout(700); // let the last outputs paint
    const found = await page.evaluate((sel) => {
      const outputs = `${sel} .jp-OutputArea-output`;
      const bad = [...document.querySelectorAll(`${outputs}[data-mime-type="application/vnd.jupyter.stderr"]`)];
      return {
        images: document.querySelectorAll(`${outputs} img[src^="data:image/png"]`).length,
        tables: document.querySelectorAll(`${outputs} table`).length,
        errors: bad.length,
        errorText: bad.map((e) => e.innerText.slice(0, 300)),
      };
    }, NOTEBOOK);
    Object.assign(r, { images: found.images, tables: found.tables, errors: found.errors });
    const wanted = expectedImages(path);
    const problems = [];
    if (ran.numbered < ran.total) problems.push(`only ${ran.numbered} of ${ran.total} code cells ran (Run All stopped)`);
    if (found.images < wanted) problems.push(`${found.images} plot image(s) rendered, the notebook declares ${wanted}`);
    if (found.errors > 0) problems.push(`${found.errors} error or stderr output(s): ${found.errorText.join(' | ')}`);
    log(`${r.cells} code cells ran: ${found.images} plot image(s) (${wanted} declared), ${found.tables} table(s), ` +
      `${found.errors} error/stderr output(s)`);
    problems.forEach((p) => log(`FAIL ${p}`));
    r.passed = problems.length === 0;
  } catch (e) {
    log(`FAIL ${String(e.message || e).split('\n')[0]}`);
  } finally {
    try {
      // The notebook scrolls inside its panel, so a "full page" shot is one screen: make the
      // window as tall as the notebook's content plus the UI around it (capped), from the top.
      if (ui === 'lab') await page.keyboard.press('Control+b').catch(() => {}); // hide the file browser
      const height = await page.evaluate((sel) => {
        const outer = document.querySelector(`${sel} .jp-WindowedPanel-outer`) || document.querySelector(sel);
        if (!outer) return 900;
        outer.scrollTop = 0;
        const box = outer.getBoundingClientRect();
        return Math.ceil(box.top + outer.scrollHeight + (window.innerHeight - box.bottom) + 20);
      }, NOTEBOOK).catch(() => 900);
      await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 900), 16000) });
      await page.waitForTimeout(700);
      await page.screenshot({ path: r.screenshot, fullPage: true, timeout: 30000 });
    } catch (e) {
      log(`no screenshot: ${String(e.message || e).split('\n')[0]}`);
      r.screenshot = null;
    }
    const s = await session(path).catch(() => null);
    if (s) await api(`/api/sessions/${s.id}`, 'DELETE').catch(() => {});
    await page.close().catch(() => {});
    r.seconds = (Date.now() - t0) / 1000;
  }
  return r;
}

let context;
try {
  mkdirSync(shotDir, { recursive: true });
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  for (const path of notebooks) {
    const r = await runNotebook(context, path);
    report.notebooks.push(r);
    report.retries += r.retries;
    report.images += r.images;
    report.tables += r.tables;
  }
  report.passed = report.notebooks.every((r) => r.passed);
} catch (e) {
  say(`FAIL ${String(e.message || e).split('\n')[0]}`);
} finally {
  if (context) await context.close().catch(() => {});
  report.seconds = (Date.now() - began) / 1000;
  report.screenshots = report.notebooks.map((r) => r.screenshot).filter(Boolean);
  writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
}
process.exit(report.passed ? 0 : 1);

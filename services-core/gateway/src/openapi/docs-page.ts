// /docs: a self-contained page (no CDN; the script is served from the gateway, so the default CSP allows it)
// that lists every operation of /openapi.json with its parameters, and lets a reader try GET calls.
import type { Router } from 'express';
import express from 'express';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>E-commerce API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<header><h1>E-commerce API</h1><p>Generated from <a href="/openapi.json">/openapi.json</a>. Token for protected calls: <input id="token" placeholder="Bearer token" size="40"></p></header>
<main id="operations">Loading...</main>
<script src="/docs/docs.js"></script>
</body>
</html>`;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:1rem}
details{border:1px solid #ccc;border-radius:4px;margin:.3rem 0;padding:.3rem .6rem}
summary{cursor:pointer}.verb{display:inline-block;width:4.5rem;font-weight:bold;text-transform:uppercase}
.get{color:#1565c0}.post{color:#2e7d32}.patch,.put{color:#ef6c00}.delete{color:#c62828}
pre{background:#f5f5f5;padding:.5rem;overflow:auto;max-height:20rem}h2{margin-top:1.5rem}`;

// textContent only: nothing from the document is ever parsed as HTML.
const SCRIPT = `(async function () {
  const root = document.getElementById('operations');
  const doc = await (await fetch('/openapi.json')).json();
  root.textContent = '';
  const el = (tag, props, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e; };
  const groups = {};
  for (const [path, item] of Object.entries(doc.paths)) for (const [verb, op] of Object.entries(item)) {
    const tag = (op.tags && op.tags[0]) || 'other';
    (groups[tag] = groups[tag] || []).push({ path, verb, op });
  }
  for (const [tag, ops] of Object.entries(groups)) {
    root.append(el('h2', { textContent: tag }));
    for (const { path, verb, op } of ops) {
      const out = el('pre', { textContent: '' });
      const params = (op.parameters || []).map((p) => {
        const input = el('input', { name: p.name });
        input.dataset.in = p.in;
        return el('label', {}, p.name + ' (' + p.in + ') ', input, ' ');
      });
      const form = el('form', {}, ...params, el('button', { type: 'submit', textContent: verb === 'get' ? 'Try it' : 'Send (body below)' }));
      const body = verb === 'get' || verb === 'delete' ? null : el('textarea', { rows: 4, cols: 80, placeholder: 'JSON body' });
      if (body) form.append(el('br'), body);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        let url = path; const query = new URLSearchParams();
        for (const input of form.querySelectorAll('input')) {
          if (!input.value) continue;
          if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value));
          else query.append(input.name, input.value);
        }
        const token = document.getElementById('token').value.trim();
        const headers = { 'content-type': 'application/json' };
        if (token) headers.authorization = token.startsWith('Bearer ') ? token : 'Bearer ' + token;
        const search = query.toString();
        const response = await fetch(url + (search ? '?' + search : ''), { method: verb.toUpperCase(), headers, body: body && body.value ? body.value : undefined });
        out.textContent = response.status + '\\n' + JSON.stringify(await response.json().catch(() => null), null, 2);
      });
      root.append(el('details', {}, el('summary', {}, el('span', { className: 'verb ' + verb, textContent: verb }), path + '  ', el('small', { textContent: op.summary || '' })),
        form, el('pre', { textContent: JSON.stringify({ requestBody: op.requestBody, responses: op.responses }, null, 2) }), out));
    }
  }
})();`;

export function docsRoutes(): Router {
  const router = express.Router();
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/docs.js', (_req, res) => {
    res.type('application/javascript').send(SCRIPT);
  });
  router.get('/docs/docs.css', (_req, res) => {
    res.type('text/css').send(STYLE);
  });
  return router;
}

"""groups.html: one self-contained page (inline CSS and JS, no network) that browses a run's groups.

The data (irgroups/report/groups.py) is one JSON blob in a `<script type="application/json">`;
the script filters it and builds the DOM of one page of groups at a time, so a run of thousands
of groups costs one JSON.parse and twenty groups' nodes, never thousands. Filters and the page
live in the URL's fragment (`groups.html#lang=go&kind=timeout&page=3`), so a view can be shared.
"""

from __future__ import annotations

import html
import json
from typing import Any

CSS = """
body{font-family:sans-serif;margin:0 1em 2em;font-size:14px}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.4em 0;z-index:1}
h1{font-size:1.2em;margin:.3em 0}
#controls label{margin-right:1em;white-space:nowrap}
.pager{margin:.4em 0}.pager button{min-width:5em}
.group{border:1px solid #bbb;border-radius:4px;margin:1em 0;padding:.4em .8em}
.group h2{font-size:1.05em;margin:.2em 0}.group h2 small{font-weight:normal;color:#555}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:.8em}
.cols h3{font-size:.95em;margin:.3em 0}
.member{border:1px solid #ddd;border-radius:3px;margin:.4em 0;padding:.3em;min-width:0}
.member .head{font-size:.9em;display:flex;flex-wrap:wrap;gap:.5em;align-items:baseline}
.badge{border-radius:3px;padding:0 .35em;background:#eee}
.k-equivalent{background:#d4f0d4}.k-wrong_output{background:#f7d9c4}.k-compile_error{background:#e0d4f0}
.k-runtime_error{background:#f7c4c4}.k-timeout,.k-memory_limit{background:#f0ecc4}
.base{background:#cde}.cid{color:#777;font-size:.85em}
.fail{font-size:.85em;margin:.2em 0;color:#333;overflow-wrap:anywhere}
pre{background:#f8f8f8;padding:.3em .3em .3em 1.4em;margin:.2em 0;overflow:auto;max-height:32em;font-size:12px}
.add,.del,.gap{display:block;margin-left:-1.2em;padding-left:.2em}
.add{background:#dfd}.del{background:#fdd;color:#700}.gap{color:#888;font-style:italic}
.add::before{content:"+";display:inline-block;width:1em}.del::before{content:"-";display:inline-block;width:1em}
.hidden-note{font-size:.85em;color:#777}
details pre{max-height:20em}
"""

# The script reads the blob, never writes HTML strings: every text goes in through textContent.
SCRIPT = r"""
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('groups-data').textContent);
  var G = D.groups, P = D.problems, PER = D.page_size || 20;
  var FAMILY_ORDER = ['reference', 'rewrite', 'mutant', 'model'];
  var KIND_ORDER = ['equivalent', 'wrong_output', 'runtime_error', 'timeout', 'memory_limit', 'compile_error'];
  var state = {lang: '', family: '', kind: '', q: '', page: 1, only: true, changes: true};
  var matches = [];
  // members arrive as lists (irgroups/report/groups.py MEMBER_LAYOUT); objects from here on
  var L = D.member_layout;
  G.forEach(function (g) {
    ['eq', 'ne'].forEach(function (side) {
      g[side] = g[side].map(function (a) {
        var m = {};
        L.forEach(function (k, i) { m[k] = a[i]; });
        m.origin = D.origins[m.origin];
        m.kind = D.kinds[m.kind];
        return m;
      });
    });
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function family(origin) { return origin.split(':')[0]; }
  function kindOf(m) { return m.kind || 'equivalent'; }
  function members(g) { return g.eq.concat(g.ne); }
  function apply(base, ops) {
    var out = [];
    ops.forEach(function (op) {
      if (typeof op === 'string') out.push(op); else for (var i = op[0]; i < op[1]; i++) out.push(base[i]);
    });
    return out;
  }
  function promptOf(g) {
    if (typeof g.prompt === 'string') return g.prompt;
    return apply(G[g.prompt.from].prompt.split('\n'), g.prompt.ops).join('\n');
  }
  // [[tag, line]]: ' ' kept, '-' only in the base, '+' only in the member; deletions before insertions
  function diffLines(base, ops) {
    var out = [], at = 0, i, k;
    for (i = 0; i < ops.length; i++) {
      var op = ops[i];
      if (typeof op === 'string') {
        if (i === 0 || typeof ops[i - 1] !== 'string') {  // a run of own lines: first drop what it replaces
          var next = base.length;
          for (k = i; k < ops.length; k++) if (typeof ops[k] !== 'string') { next = ops[k][0]; break; }
          for (; at < next; at++) out.push(['-', base[at]]);
        }
        out.push(['+', op]);
      } else {
        for (; at < op[0]; at++) out.push(['-', base[at]]);
        for (; at < op[1]; at++) out.push([' ', base[at]]);
      }
    }
    for (; at < base.length; at++) out.push(['-', base[at]]);
    while (out.length && out[out.length - 1][0] === ' ' && out[out.length - 1][1] === '') out.pop();
    return out;
  }
  function renderCode(lines, changesOnly) {
    var pre = el('pre', 'code'), run = [], context = 3;
    var near = lines.map(function () { return !changesOnly; });
    if (changesOnly) lines.forEach(function (l, i) {
      if (l[0] !== ' ') for (var j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true;
    });
    function flush() { if (run.length) { pre.appendChild(document.createTextNode(run.join('\n') + '\n')); run = []; } }
    var skipped = 0;
    lines.forEach(function (l, i) {
      if (!near[i]) { skipped++; return; }
      if (skipped) { flush(); pre.appendChild(el('span', 'gap', '\u22ef ' + skipped + ' unchanged lines')); skipped = 0; }
      if (l[0] === ' ') { run.push(l[1]); return; }
      flush();
      pre.appendChild(el('span', l[0] === '+' ? 'add' : 'del', l[1]));
    });
    if (skipped) { flush(); pre.appendChild(el('span', 'gap', '\u22ef ' + skipped + ' unchanged lines')); }
    flush();
    return pre;
  }
  function memberMatches(m) {
    return (!state.family || family(m.origin) === state.family) && (!state.kind || kindOf(m) === state.kind);
  }
  function groupMatches(g) {
    if (state.lang && g.lang !== state.lang) return false;
    if (state.q && g.pid.toLowerCase().indexOf(state.q.toLowerCase()) < 0) return false;
    if (!state.family && !state.kind) return true;
    return members(g).some(memberMatches);
  }
  // [first failing test, how many failed] as two lines of text, or null
  function failText(g, m) {
    var p = P[g.pid], f = m.fail;
    if (!f || !p) return null;
    var failed = 'failed ' + (f[1] + f[2]) + ' of ' + m.total + ' tests (' + f[1] + ' original, ' + f[2] + ' amplified)';
    if (m.kind === 'compile_error') return ['did not compile: no test ran', failed];
    var t = p.tests[String(f[0])], original = f[0] < p.original;
    var n = original ? f[0] : f[0] - p.original;
    var args = t.args.map(function (a, i) { return (p.params[i] || 'arg' + i) + '=' + a; }).join(', ');
    return ['first failing test (' + (original ? 'original' : 'amplified') + ' #' + n + '): ' + p.entry + '(' + args +
      ') expected ' + t.expected, failed];
  }
  function renderMember(g, m, index, baseLines) {
    var box = el('article', 'member');
    box.setAttribute('data-family', family(m.origin));
    box.setAttribute('data-kind', kindOf(m));
    var head = el('div', 'head');
    head.appendChild(el('span', 'badge origin', m.origin));
    head.appendChild(el('span', 'badge k-' + kindOf(m), kindOf(m)));
    head.appendChild(el('span', 'tests', m.passed + '/' + m.total + ' tests passed'));
    if (index === g.base) head.appendChild(el('span', 'badge base', 'diff base'));
    head.appendChild(el('code', 'cid', m.id));
    box.appendChild(head);
    (failText(g, m) || []).forEach(function (line) { box.appendChild(el('div', 'fail', line)); });
    var lines = typeof m.code === 'string' ? m.code.split('\n').map(function (l) { return [' ', l]; })
      : diffLines(baseLines, m.code);
    if (typeof m.code === 'string')
      while (lines.length && lines[lines.length - 1][1] === '') lines.pop();
    box.appendChild(renderCode(lines, state.changes && typeof m.code !== 'string'));
    return box;
  }
  function renderGroup(g) {
    var sec = el('section', 'group');
    sec.setAttribute('data-group', g.id);
    sec.setAttribute('data-lang', g.lang);
    var h = el('h2', null, g.pid + ' ');
    h.appendChild(el('span', 'badge', g.lang));
    var info = ' ' + g.eq.length + ' equivalent, ' + g.ne.length + ' inequivalent';
    if (g.tests) info += '; tests: ' + g.tests[0] + ' original + ' + g.tests[1] + ' amplified';
    if (g.score && g.score[1] !== null) info += '; mutation score ' + g.score[1].toFixed(2);
    if (g.stage !== 'groups') info += '; ' + g.stage;
    h.appendChild(el('small', null, info));
    sec.appendChild(h);
    var det = el('details');
    det.appendChild(el('summary', null, 'prompt'));
    det.addEventListener('toggle', function () {  // the prompt's text is built when first opened
      if (det.open && det.children.length === 1) det.appendChild(el('pre', null, promptOf(g)));
    }, false);
    sec.appendChild(det);
    var all = members(g), baseLines = all[g.base].code.split('\n');
    var cols = el('div', 'cols');
    [['equivalent', 0, g.eq.length], ['inequivalent', g.eq.length, all.length]].forEach(function (side) {
      var col = el('div', 'col ' + side[0]);
      col.appendChild(el('h3', null, side[0] + ' (' + (side[2] - side[1]) + ')'));
      var hidden = 0;
      for (var i = side[1]; i < side[2]; i++) {
        if (state.only && i !== g.base && !memberMatches(all[i])) { hidden++; continue; }
        col.appendChild(renderMember(g, all[i], i, baseLines));
      }
      if (hidden) col.appendChild(el('div', 'hidden-note', hidden + ' more hidden by the filters'));
      cols.appendChild(col);
    });
    sec.appendChild(cols);
    return sec;
  }
  function pages() { return Math.max(1, Math.ceil(matches.length / PER)); }
  function render() {
    state.page = Math.min(Math.max(1, state.page), pages());
    var box = document.getElementById('groups');
    box.textContent = '';
    var from = (state.page - 1) * PER, to = Math.min(matches.length, from + PER);
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) frag.appendChild(renderGroup(G[matches[i]]));
    box.appendChild(frag);
    var text = matches.length ? 'groups ' + (from + 1) + '\u2013' + to + ' of ' + matches.length +
      (matches.length < G.length ? ' matching (' + G.length + ' in all)' : '') + ', page ' + state.page + ' of ' + pages()
      : 'no group matches (' + G.length + ' in all)';
    document.querySelectorAll('.status').forEach(function (s) { s.textContent = text; });
    document.querySelectorAll('.prev').forEach(function (b) { b.disabled = state.page <= 1; });
    document.querySelectorAll('.next').forEach(function (b) { b.disabled = state.page >= pages(); });
    document.body.setAttribute('data-shown', String(to - from));
    saveHash();
  }
  function refilter() {
    matches = [];
    for (var i = 0; i < G.length; i++) if (groupMatches(G[i])) matches.push(i);
  }
  function saveHash() {
    var parts = [];
    ['lang', 'family', 'kind', 'q'].forEach(function (k) { if (state[k]) parts.push(k + '=' + encodeURIComponent(state[k])); });
    if (!state.only) parts.push('only=0');
    if (!state.changes) parts.push('changes=0');
    if (state.page > 1) parts.push('page=' + state.page);
    try { history.replaceState(null, '', '#' + parts.join('&')); } catch (e) { /* some file:// setups refuse */ }
  }
  function loadHash() {
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('='); if (i < 0) return;
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === 'page') state.page = parseInt(v, 10) || 1;
      else if (k === 'only') state.only = v !== '0';
      else if (k === 'changes') state.changes = v !== '0';
      else if (k in state) state[k] = v;
    });
  }
  function options(id, values, order) {
    var s = document.getElementById(id);
    values.sort(function (a, b) {
      var ia = order.indexOf(a), ib = order.indexOf(b);
      ia = ia < 0 ? order.length : ia; ib = ib < 0 ? order.length : ib;
      return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
    }).forEach(function (v) { var o = el('option', null, v); o.value = v; s.appendChild(o); });
  }
  var langs = {}, fams = {}, kinds = {};
  G.forEach(function (g) {
    langs[g.lang] = 1;
    members(g).forEach(function (m) { fams[family(m.origin)] = 1; kinds[kindOf(m)] = 1; });
  });
  options('f-lang', Object.keys(langs), []);
  options('f-family', Object.keys(fams), FAMILY_ORDER);
  options('f-kind', Object.keys(kinds), KIND_ORDER);
  loadHash();
  var ids = {lang: 'f-lang', family: 'f-family', kind: 'f-kind', q: 'f-q'};
  Object.keys(ids).forEach(function (k) {
    var input = document.getElementById(ids[k]);
    input.value = state[k];
    input.addEventListener(k === 'q' ? 'input' : 'change', function () {
      state[k] = input.value; state.page = 1; refilter(); render();
    });
  });
  var only = document.getElementById('f-only'), changes = document.getElementById('f-changes');
  only.checked = state.only; changes.checked = state.changes;
  only.addEventListener('change', function () { state.only = only.checked; render(); });
  changes.addEventListener('change', function () { state.changes = changes.checked; render(); });
  function turn(by) { return function () { state.page += by; render(); window.scrollTo(0, 0); }; }
  document.querySelectorAll('.prev').forEach(function (b) { b.addEventListener('click', turn(-1)); });
  document.querySelectorAll('.next').forEach(function (b) { b.addEventListener('click', turn(1)); });
  refilter();
  render();
  document.body.setAttribute('data-ready', '1');
})();
"""


def _pager(where: str) -> str:
    return (f"<nav class='pager {where}'><button class='prev'>&larr; prev</button> <span class='status'></span> "
            "<button class='next'>next &rarr;</button></nav>")


def render_page(data: dict[str, Any]) -> str:
    # "<" only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the blob early
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    title = f"irgroups groups: {data['run']}"
    return "\n".join([
        "<!doctype html>",
        f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{html.escape(title)}</h1><div id='controls'>",
        "<label>language <select id='f-lang'><option value=''>all</option></select></label>",
        "<label>origin <select id='f-family'><option value=''>all</option></select></label>",
        "<label>kind <select id='f-kind'><option value=''>all</option></select></label>",
        "<label>problem id <input id='f-q' type='search' placeholder='e.g. HumanEval/1'></label>",
        "<label><input id='f-only' type='checkbox' checked> only members that match</label>",
        "<label><input id='f-changes' type='checkbox' checked> only changed lines</label>",
        "</div>", _pager("top"), "</header>",
        "<main id='groups'></main>", _pager("bottom"),
        f"<script type='application/json' id='groups-data'>{blob}</script>",
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ])

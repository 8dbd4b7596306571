// hipaalint serve: checks the draft through the local API and shows the findings.
// Post text only ever goes into the DOM through textContent / value, never as markup.
(function () {
  'use strict';

  var DEBOUNCE_MS = 400;
  var LIMITS = [ // characters, smallest first
    ['X', 280], ['Threads', 500], ['Instagram caption', 2200], ['LinkedIn', 3000], ['Facebook', 63206]
  ];
  var SEVERITY_RANK = { info: 0, warning: 1, error: 2 };

  function $(id) { return document.getElementById(id); }
  var draft = $('draft'), checkButton = $('check'), status = $('status');
  var summary = $('summary'), findingsList = $('findings'), findingsHeading = $('findings-heading');
  var preview = $('preview');
  var styleSelect = $('style'), rewriteBox = $('rewrite-text'), copyButton = $('copy'), copyStatus = $('copy-status');
  var unfixedBlock = $('unfixed'), unfixedList = $('unfixed-list');
  var suggestionsBlock = $('suggestions-block'), suggestionsList = $('suggestions');
  var counterSummary = $('counter-summary'), limitsList = $('limits');

  var timer = null;
  var inflight = null;        // AbortController of the running request
  var sequence = 0;           // answers to older requests are dropped
  var shownKey = null;        // style + text of what the page shows now
  var shownView = null;       // JSON of the findings shown, to avoid needless re-announcements

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // The API speaks Python string offsets (code points); the DOM speaks UTF-16 units.
  function utf16Offsets(text) {
    var offsets = [0], i = 0;
    while (i < text.length) {
      var code = text.charCodeAt(i);
      var next = text.charCodeAt(i + 1);
      i += (code >= 0xD800 && code <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) ? 2 : 1;
      offsets.push(i);
    }
    return offsets;
  }

  function codePointLength(text) { return utf16Offsets(text).length - 1; }

  function keyOf(text, style) { return style + '\u0000' + text; }

  // --- character counter ---------------------------------------------------------------

  function updateCounter() {
    var count = codePointLength(draft.value);
    var over = [];
    clear(limitsList);
    LIMITS.forEach(function (limit) {
      var name = limit[0], max = limit[1], li = el('li');
      var fits = count <= max;
      li.appendChild(el('span', 'platform', name + ' '));
      li.appendChild(el('span', 'count', count.toLocaleString('en-US') + ' / ' + max.toLocaleString('en-US')));
      li.appendChild(el('span', 'state', fits ? '\u2713 fits' : '\u2717 over by ' + (count - max).toLocaleString('en-US')));
      if (!fits) { li.className = 'over'; over.push(name); }
      limitsList.appendChild(li);
    });
    var text = plural(count, 'character') + '. ';
    text += over.length ? 'Too long for ' + over.join(', ') + '.' : (count ? 'Fits every platform listed.' : '');
    counterSummary.textContent = text;
  }

  // --- rendering -----------------------------------------------------------------------

  function renderPreview(text, findings) {
    clear(preview);
    var map = utf16Offsets(text), size = map.length - 1;
    var spans = [];
    findings.forEach(function (f) {
      var start = Math.max(0, Math.min(f.start, size)), end = Math.max(0, Math.min(f.end, size));
      if (start < end) { spans.push({ start: start, end: end, f: f }); }
    });
    var cuts = [0, size];
    spans.forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var left = cuts[i], right = cuts[i + 1];
      var segment = text.slice(map[left], map[right]);
      var covering = spans.filter(function (s) { return s.start <= left && right <= s.end; });
      if (!covering.length) { preview.appendChild(document.createTextNode(segment)); continue; }
      var worst = covering.reduce(function (a, b) {
        return (SEVERITY_RANK[b.f.severity] || 0) > (SEVERITY_RANK[a.f.severity] || 0) ? b : a;
      });
      var mark = el('mark', 'sev-' + worst.f.severity + (covering.length > 1 ? ' overlap' : ''), segment);
      mark.title = covering.map(function (s) { return s.f.rule + ': ' + s.f.message; }).join('\n');
      mark.setAttribute('data-rules', covering.map(function (s) { return s.f.rule; }).join(' '));
      preview.appendChild(mark);
    }
  }

  function selectInDraft(text, f) {
    if (draft.value !== text) { return; }
    var map = utf16Offsets(text);
    draft.focus();
    draft.setSelectionRange(map[f.start], map[f.end]);
  }

  function renderFindings(text, findings, rules) {
    clear(findingsList);
    findingsHeading.hidden = findings.length === 0;
    findings.forEach(function (f) {
      var rule = rules[f.rule] || {};
      var li = el('li', 'sev-' + f.severity);
      var head = el('div', 'finding-head');
      head.appendChild(el('span', 'badge sev-' + f.severity, f.severity));
      head.appendChild(el('code', 'rule-id', f.rule));
      if (rule.name) { head.appendChild(el('span', 'rule-name', rule.name)); }
      li.appendChild(head);
      li.appendChild(el('p', 'finding-msg', f.message));
      if (rule.hint) {
        var fix = el('p', 'finding-fix');
        fix.appendChild(el('strong', null, 'Fix: '));
        fix.appendChild(document.createTextNode(rule.hint));
        li.appendChild(fix);
      }
      if (f.end > f.start) {
        var button = el('button', 'link', 'Select in draft');
        button.type = 'button';
        button.setAttribute('aria-label', 'Select \u201c' + f.text + '\u201d in the draft');
        button.addEventListener('click', function () { selectInDraft(text, f); });
        li.appendChild(button);
      }
      findingsList.appendChild(li);
    });
  }

  function renderSummary(findings) {
    summary.className = 'summary';
    if (!findings.length) {
      summary.classList.add('clean');
      summary.textContent = 'No findings. Nothing here looks like PHI; still read it once more before posting.';
      return;
    }
    var counts = { error: 0, warning: 0, info: 0 };
    findings.forEach(function (f) { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    var parts = [];
    ['error', 'warning', 'info'].forEach(function (s) { if (counts[s]) { parts.push(plural(counts[s], s)); } });
    summary.textContent = plural(findings.length, 'finding') + ': ' + parts.join(', ') + '.';
  }

  function renderRewrite(data) {
    var rewrite = data.rewrite, rules = data.rules;
    rewriteBox.value = rewrite.text;
    clear(unfixedList);
    clear(suggestionsList);
    rewrite.unfixed.forEach(function (id) {
      var li = el('li');
      li.appendChild(el('code', null, id));
      var rule = rules[id] || {};
      if (rule.hint) { li.appendChild(document.createTextNode(': ' + rule.hint)); }
      unfixedList.appendChild(li);
    });
    rewrite.suggestions.forEach(function (sentence) {
      var li = el('li');
      li.appendChild(el('p', null, sentence));
      var button = el('button', 'link', 'Copy suggestion');
      button.type = 'button';
      button.addEventListener('click', function () { copyText(sentence, null); });
      li.appendChild(button);
      suggestionsList.appendChild(li);
    });
    unfixedBlock.hidden = rewrite.unfixed.length === 0;
    suggestionsBlock.hidden = rewrite.suggestions.length === 0;
  }

  function render(text, style, data) {
    var findings = data.result.findings;
    var view = JSON.stringify([text, findings]);
    renderPreview(text, findings);
    renderRewrite(data);
    if (view !== shownView) { // only touch the live region when the findings changed
      renderSummary(findings);
      renderFindings(text, findings, data.rules);
      shownView = view;
    }
    shownKey = keyOf(text, style);
  }

  function renderEmpty() {
    clear(preview); clear(findingsList); findingsHeading.hidden = true; clear(unfixedList); clear(suggestionsList);
    unfixedBlock.hidden = true;
    rewriteBox.value = '';
    summary.className = 'summary';
    summary.textContent = 'Type or paste a draft to check it.';
    shownView = null;
    shownKey = keyOf('', styleSelect.value);
  }

  function renderFailure(message) {
    clear(preview); clear(findingsList); findingsHeading.hidden = true; clear(unfixedList); clear(suggestionsList);
    unfixedBlock.hidden = true;
    rewriteBox.value = '';
    summary.className = 'summary failed';
    summary.textContent = message;
    shownView = null;
    shownKey = null;
  }

  function setBusy(busy) {
    preview.classList.toggle('stale', busy);
    rewriteBox.classList.toggle('stale', busy);
    $('results').setAttribute('aria-busy', busy ? 'true' : 'false');
    status.textContent = busy ? 'Checking\u2026' : '';
  }

  // --- checking ------------------------------------------------------------------------

  function check(force) {
    clearTimeout(timer);
    var text = draft.value, style = styleSelect.value;
    if (!force && keyOf(text, style) === shownKey) { return Promise.resolve(); }
    if (inflight) { inflight.abort(); inflight = null; }
    var mine = ++sequence;
    if (!text.trim()) { setBusy(false); renderEmpty(); return Promise.resolve(); }
    var controller = new AbortController();
    inflight = controller;
    setBusy(true);
    return fetch('/api/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text, style: style }),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (mine !== sequence) { return; }
        if (!response.ok) {
          renderFailure(data.error || ('The check failed (HTTP ' + response.status + ').'));
        } else {
          render(text, style, data);
        }
      });
    }).catch(function (error) {
      if (mine !== sequence || (error && error.name === 'AbortError')) { return; }
      renderFailure('Could not reach hipaalint. Is \u201chipaalint serve\u201d still running?');
    }).then(function () {
      if (mine === sequence) { inflight = null; setBusy(false); }
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () { check(false); }, DEBOUNCE_MS);
  }

  // --- copying -------------------------------------------------------------------------

  function copyWithSelection(text) {
    var scratch = el('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.style.position = 'fixed';
    scratch.style.top = '-1000px';
    document.body.appendChild(scratch);
    scratch.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(scratch);
    return ok;
  }

  function copyText(text, statusNode) {
    var report = function (ok) {
      var node = statusNode || copyStatus;
      node.textContent = ok ? 'Copied.' : 'Copy failed: select the text and press Ctrl+C.';
    };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { report(true); },
        function () { report(copyWithSelection(text)); });
    }
    report(copyWithSelection(text));
    return Promise.resolve();
  }

  function copySafeVersion() {
    copyStatus.textContent = '';
    var fresh = keyOf(draft.value, styleSelect.value) === shownKey ? Promise.resolve() : check(true);
    fresh.then(function () {
      if (!draft.value.trim()) { copyStatus.textContent = 'Nothing to copy yet.'; return; }
      if (keyOf(draft.value, styleSelect.value) !== shownKey) { copyStatus.textContent = 'Not copied: the check failed.'; return; }
      copyText(rewriteBox.value, copyStatus);
    });
  }

  // --- wiring --------------------------------------------------------------------------

  draft.addEventListener('input', function () {
    updateCounter();
    copyStatus.textContent = '';
    if (keyOf(draft.value, styleSelect.value) !== shownKey) { preview.classList.add('stale'); }
    schedule();
  });
  draft.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); check(true); }
  });
  checkButton.addEventListener('click', function () { check(true); });
  styleSelect.addEventListener('change', function () { copyStatus.textContent = ''; check(false); });
  copyButton.addEventListener('click', copySafeVersion);

  updateCounter();
  if (draft.value) { check(false); }
})();

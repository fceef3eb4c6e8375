// Gazette preview: reloads this tab when the page it shows changes, and shows build errors.
// Only `gazette serve` adds this script to the pages it serves; it is never part of a build.
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !window.EventSource) {
    return;
  }
  var page = me.getAttribute('data-page') || '';
  var url = '/_gazette/events?path=' + encodeURIComponent(location.pathname) +
      '&page=' + encodeURIComponent(page);
  var host = null;

  var css =
      ':host{all:initial}' +
      '.backdrop{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.55);' +
      'display:flex;align-items:flex-start;justify-content:center;overflow:auto;padding:5vh 1rem}' +
      '.box{background:#fff;color:#1a1a1a;max-width:60rem;width:100%;border-top:6px solid #c62828;' +
      'border-radius:6px;box-shadow:0 10px 40px rgba(0,0,0,.4);padding:1.25rem 1.5rem;' +
      'font:15px/1.5 system-ui,sans-serif}' +
      'h2{margin:0 0 .25rem;font-size:1.15rem;color:#c62828}' +
      'p{margin:0 0 1rem;color:#555}' +
      'pre{margin:0 0 .75rem;padding:.75rem;background:#fbeaea;border-radius:4px;white-space:pre-wrap;' +
      'word-break:break-word;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}' +
      'button{font:inherit;padding:.3rem .9rem;cursor:pointer}';

  function text(tag, content, className) {
    var node = document.createElement(tag);
    // textContent, never innerHTML: problem messages quote the author's files.
    node.textContent = content;
    if (className) {
      node.className = className;
    }
    return node;
  }

  function showProblems(problems) {
    hideProblems();
    host = document.createElement('gazette-overlay');
    var root = host.attachShadow({mode: 'open'});
    // A constructed stylesheet, not a <style> element: the theme's Content-Security-Policy
    // (style-src 'self') refuses inline style elements but not the CSS object model.
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(text('style', css));
    }
    var backdrop = text('div', '', 'backdrop');
    var box = text('div', '', 'box');
    box.setAttribute('role', 'alertdialog');
    box.appendChild(text('h2', 'Build failed'));
    box.appendChild(text('p', 'The preview still shows the last good build. ' +
        'Fix the problems below and save; this message goes away by itself.'));
    for (var i = 0; i < problems.length; i++) {
      box.appendChild(text('pre', problems[i], 'problem'));
    }
    var hide = text('button', 'Hide');
    hide.addEventListener('click', hideProblems);
    box.appendChild(hide);
    backdrop.appendChild(box);
    root.appendChild(backdrop);
    document.documentElement.appendChild(host);
  }

  function hideProblems() {
    if (host) {
      host.remove();
      host = null;
    }
  }

  // Browsers allow about six HTTP/1.1 connections per host, and every open stream holds one:
  // only visible tabs listen. A tab that comes back connects again and, as its page token is
  // compared on connect, reloads at once if its page changed meanwhile.
  var source = null;

  function connect() {
    if (source) {
      return;
    }
    source = new EventSource(url);
    source.addEventListener('reload', function () {
      disconnect();
      location.reload();
    });
    source.addEventListener('problems', function (event) {
      showProblems(JSON.parse(event.data).problems);
    });
    source.addEventListener('ok', hideProblems);
  }

  function disconnect() {
    if (source) {
      source.close();
      source = null;
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      disconnect();
    } else {
      connect();
    }
  });
  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      connect(); // back from the back/forward cache
    }
  });
  if (document.visibilityState !== 'hidden') {
    connect();
  }
})();

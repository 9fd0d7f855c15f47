// The dashboard page's script (dasbor/index.html): loads the WebAssembly app
// (wasm-app/) and its data file, hands the data over, and shows a message with a
// link to the static statistics page when WebGL2, the app or the data are
// unavailable. A file of its own: the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  var status = document.getElementById('dash-status');
  var appHref = status.dataset.app, dataHref = status.dataset.data, lang = document.documentElement.lang;
  var text = status.dataset;
  // What went wrong with the data, in the page's language, from the app's English
  // error (core/datafile.cpp decode()); the English error itself is the detail.
  function dataFail(detail) {
    var why = /^dashboard data is truncated/.test(detail) ? text.dataTruncated
      : /^dashboard data is damaged/.test(detail) ? text.dataDamaged
      : /^dashboard data version/.test(detail) ? text.dataVersion
      : /^this is not a Simpul dashboard data file/.test(detail) ? text.dataNotFile : '';
    fail(text.dataError + (why ? ' ' + why : ''), detail);
  }
  var canvas = document.getElementById('canvas');
  function fail(message, detail) {
    status.hidden = false;
    status.classList.add('dash-error');
    document.getElementById('dash-status-text').textContent = message;
    if (detail) { var d = document.getElementById('dash-detail'); d.textContent = detail; d.hidden = false; }
    document.getElementById('dash-fallback').hidden = false;
    canvas.hidden = true;
    hook.failed = message + (detail ? ' ' + detail : '');
  }
  // The hook for people's scripts and the browser test: ready flag, figures, widget rectangles.
  var hook = window.simpulDash = { ready: false, failed: null };
  var probe = document.createElement('canvas');
  if (!window.WebAssembly || !window.DecompressionStream || !probe.getContext('webgl2')) { fail(text.noWebgl); return; }

  // The data file is gzip-compressed and inflated as it arrives (not once it is
  // all in: a quarter faster at 100k innovations). A server may already have
  // inflated it (Content-Encoding): its first two bytes tell.
  function inflateIfGzip(body) {
    var reader = body.getReader(), head = [], have = 0;
    function readHead() {
      return reader.read().then(function (r) {
        if (r.done) return true;
        head.push(r.value);
        have += r.value.length;
        return have >= 2 ? false : readHead();
      });
    }
    return readHead().then(function (done) {
      var magic = [];
      head.forEach(function (h) { for (var i = 0; i < h.length && magic.length < 2; ++i) magic.push(h[i]); });
      var stream = new ReadableStream({
        start: function (c) { head.forEach(function (h) { c.enqueue(h); }); if (done) c.close(); },
        pull: function (c) {
          return reader.read().then(function (r) { if (r.done) c.close(); else c.enqueue(r.value); });
        }
      });
      if (magic[0] !== 0x1f || magic[1] !== 0x8b) return new Response(stream).arrayBuffer();
      return new Response(stream.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
        .catch(function () { throw new Error('dashboard data is damaged: not valid gzip'); });
    });
  }
  var dataPromise = fetch(dataHref).then(function (res) {
    if (!res.ok) throw new Error('HTTP ' + res.status + ' ' + dataHref);
    return res.body ? inflateIfGzip(res.body) : res.arrayBuffer();
  });
  var runtimeReady = new Promise(function (resolve) {
    window.Module = {
      canvas: canvas,
      locateFile: function (file) { return appHref + file; },
      onRuntimeInitialized: resolve,
      print: function (s) { console.log(s); },
      printErr: function (s) { console.warn(s); }
    };
  });
  // Emscripten's GLFW listens for keys on the whole window and keeps Tab for
  // itself: let the app have the keyboard only while the canvas has focus, so
  // Tab also reaches the page's links; Escape hands focus back to the page.
  ['keydown', 'keyup', 'keypress'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (document.activeElement !== canvas) { e.stopImmediatePropagation(); return; }
      if (type === 'keydown' && e.key === 'Escape') {
        e.stopImmediatePropagation();
        document.querySelector('.dash-bar a').focus();
      }
    }, true);
  });
  var script = document.createElement('script');
  script.src = appHref + 'simpul-dasbor.js';
  script.onerror = function () { fail(text.appMissing); };
  document.body.appendChild(script);

  Promise.all([dataPromise, runtimeReady]).then(function (all) {
    var M = window.Module, bytes = new Uint8Array(all[0]);
    var ptr = M._malloc(bytes.length || 1);
    M.HEAPU8.set(bytes, ptr);
    var langPtr = M._malloc(8);
    M.stringToUTF8(lang, langPtr, 8);
    var err;
    try {
      err = M._dash_load(ptr, bytes.length, langPtr);
    } catch (e) {  // the app aborted: nothing more of it can run
      dataFail('dashboard data is damaged: ' + String(e && e.message || e));
      return;
    }
    M._free(langPtr);
    M._free(ptr);
    if (err) { dataFail(M.UTF8ToString(err)); return; }
    function call(name) { return JSON.parse(M.UTF8ToString(M['_dash_' + name]())); }
    hook.figures = function () { return call('figures_json'); };
    hook.rects = function () { return call('rects_json'); };
    window.addEventListener('popstate', function () { M._dash_hash_changed(); });
    window.addEventListener('hashchange', function () { M._dash_hash_changed(); });
    status.hidden = true;
    canvas.focus();
  }, function (e) { dataFail(String(e && e.message || e)); });
})();

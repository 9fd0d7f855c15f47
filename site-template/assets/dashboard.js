// The dashboard page's script (dasbor/index.html): loads the WebAssembly app
// (wasm-app/) and its data files (the figures, then the explorer's titles),
// hands them over as fetched (the app inflates them), and shows a message with a
// link to the static statistics page when WebGL2, the app or the data are
// unavailable. A file of its own: the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  var status = document.getElementById('dash-status');
  var appHref = status.dataset.app, dataHref = status.dataset.data, textsHref = status.dataset.texts;
  var lang = document.documentElement.lang;
  var text = status.dataset;
  // What went wrong with the data, in the page's language, from the app's English
  // error (core/datafile_decode.cpp decode()); the English error itself is the detail.
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
  // The hook for people's scripts and the browser test: ready flag, figures, widget
  // rectangles; texts: true once the explorer's titles are in (textsFailed: why not).
  var hook = window.simpulDash = { ready: false, failed: null, texts: false, textsFailed: null };
  var probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) { fail(text.noWebgl); return; }
  // The app uses WebAssembly's exception handling (wasm-app/CMakeLists.txt), in
  // Emscripten 3.1.6's encoding (the `try` of the first proposal): a browser
  // without it cannot compile the app at all. The smallest module with a `try`:
  // one type, one function, one tag, its code.
  var withExceptions = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
    13, 3, 1, 0, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);
  if (!window.WebAssembly || !WebAssembly.validate(withExceptions)) { fail(text.noWasm); return; }

  // The data files are fetched as they are (gzip) and inflated by the app in its
  // own memory (wasm-app/gunzip.cpp), which also takes bytes a server inflated.
  function fetchData(href) {
    return fetch(href).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status + ' ' + href);
      return res.arrayBuffer();
    });
  }
  // The figures first; the explorer's titles once the figures are in (so the
  // two downloads do not share a slow line), while the app reads the figures.
  var dataPromise = fetchData(dataHref);
  var textsPromise = dataPromise.then(function () { return fetchData(textsHref); });
  textsPromise.catch(function () {});  // handled in loadTexts (or never needed)
  // Bytes into the app's memory for one call; returns the call's result. When
  // the call aborts the app, its error is passed on as it is (nothing to free).
  function withBytes(M, buffer, call) {
    var bytes = new Uint8Array(buffer), ptr = M._malloc(bytes.length || 1);
    if (!ptr) throw new Error('not enough memory for ' + bytes.length + ' bytes of data');
    M.HEAPU8.set(bytes, ptr);
    var result = call(ptr, bytes.length);
    M._free(ptr);
    return result;
  }
  // The explorer's titles: the table fills in when they arrive.
  function loadTexts(M) {
    textsPromise.then(function (buffer) {
      var err = withBytes(M, buffer, function (ptr, n) { return M._dash_load_texts(ptr, n); });
      if (err) throw new Error(M.UTF8ToString(err));
      hook.texts = true;
    }).catch(function (e) {
      hook.textsFailed = String(e && e.message || e);
      try {  // the explorer says why
        var n = M.lengthBytesUTF8(hook.textsFailed) + 1, p = M._malloc(n);
        if (!p) return;
        M.stringToUTF8(hook.textsFailed, p, n);
        M._dash_texts_failed(p);
        M._free(p);
      } catch (stopped) {  // the app itself stopped: nothing of it can run any more
        dataFail('dashboard texts are damaged: ' + String(stopped && stopped.message || stopped));
      }
    });
  }
  var started = false;
  var runtimeReady = new Promise(function (resolve) {
    window.Module = {
      canvas: canvas,
      locateFile: function (file) { return appHref + file; },
      onRuntimeInitialized: function () { started = true; resolve(); },
      // The app could not start although the browser can run it: its wasm file
      // is not the app's (damaged, or another file served in its place).
      onAbort: function (what) { if (!started) fail(text.appMissing, String(what)); },
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
    var M = window.Module;
    var langPtr = M._malloc(8);
    M.stringToUTF8(lang, langPtr, 8);
    var err;
    try {
      err = withBytes(M, all[0], function (ptr, n) { return M._dash_load(ptr, n, langPtr); });
    } catch (e) {  // the app aborted, or has no memory for the data: nothing more of it can run
      var why = String(e && e.message || e);
      dataFail(/^not enough memory/.test(why) ? why : 'dashboard data is damaged: ' + why);
      return;
    }
    M._free(langPtr);
    if (err) { dataFail(M.UTF8ToString(err)); return; }
    loadTexts(M);
    function call(name) { return JSON.parse(M.UTF8ToString(M['_dash_' + name]())); }
    hook.figures = function () { return call('figures_json'); };
    hook.rects = function () { return call('rects_json'); };
    window.addEventListener('popstate', function () { M._dash_hash_changed(); });
    window.addEventListener('hashchange', function () { M._dash_hash_changed(); });
    status.hidden = true;
    canvas.focus();
  }, function (e) { dataFail(String(e && e.message || e)); });
})();

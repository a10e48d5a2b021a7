/* Search with Pagefind behind Material's search box.

   Pagefind (run after the build, see site_config/hooks.py) splits the index into small
   chunks, so a first search downloads a few hundred kilobytes whatever the size of the
   site, where Material's lunr search downloads and builds the whole index first.
   Results are drawn with Material's own classes, so the search looks the same.

   Chinese: a query typed without spaces is split into words by the browser's segmenter
   (中国出口信用保险公司 -> 中国 出口 信用 保险 公司); the pages carry every suffix of each
   Chinese name for the index, so each word matches as the start of an indexed word. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("..", script.src);
  var toggle = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  if (!toggle || !input || !list || !meta) return;

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname }).then(function () {
          module.init();
          return module;
        });
      });
    }
    return pagefind;
  }

  var han = /\p{Script=Han}/u;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  function words(query) {
    if (!segmenter || !han.test(query)) return query;
    return Array.from(segmenter.segment(query)).map(function (part) {
      return han.test(part.segment) ? " " + part.segment + " " : part.segment;
    }).join("").replace(/\s+/g, " ").trim();
  }

  // The hidden list of a Chinese name's suffixes is for matching only: out of the excerpt.
  var suffixes = /(?:(?:<mark>)?\p{Script=Han}+(?:<\/mark>)?\s+){2,}(?:<mark>)?\p{Script=Han}+(?:<\/mark>)?/gu;

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function show(results, total, query) {
    list.innerHTML = "";
    if (!query) {
      meta.textContent = "Type to start searching";
      return;
    }
    meta.textContent = total === 0 ? "No matching documents" : total === 1 ? "1 matching document" : total + " matching documents";
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      // Pagefind escapes page text in the excerpt and adds only <mark> around matches.
      item.innerHTML =
        '<a href="' + escape(result.url) + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset">' +
        '<div class="md-search-result__icon md-icon"></div>' +
        "<h1>" + escape(result.meta.title || result.url) + "</h1>" +
        "<p>" + result.excerpt.replace(suffixes, " ") + "</p></article></a>";
      list.appendChild(item);
    });
  }

  // One search once typing pauses, not one per keystroke: on a large site a one-letter
  // prefix matches nearly every page, and scoring them all would hold up the real query.
  var PAUSE_MS = 120;
  var latest = 0;
  var shown = 0;
  var timer = 0;
  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    clearTimeout(timer);
    if (!query) return show([], 0, "");
    timer = setTimeout(function () { run(query, ticket); }, PAUSE_MS);
  }

  function run(query, ticket) {
    return load().then(function (module) {
      return module.search(words(query));
    }).then(function (found) {
      if (ticket !== latest || !found) return null;
      return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        if (ticket !== latest) return;
        show(data, found.results.length, query);
        shown = ticket;
      });
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  input.form.addEventListener("reset", function () {
    setTimeout(search, 0);
  });
  // Enter opens the first result of what is in the box, even if typing has not paused yet.
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    if (!query) return;
    function open() {
      var first = list.querySelector("a");
      if (shown === latest && first) window.location.href = first.href;
    }
    if (shown === latest) return open();
    clearTimeout(timer);
    run(query, latest).then(open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if ((event.key === "/" || event.key === "s") && !toggle.checked &&
               !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();

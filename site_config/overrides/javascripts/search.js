/* Search with Pagefind behind Material's search box.

   Pagefind (run after the build, see generator/search.py) splits the index into small
   chunks, so a first search downloads a few hundred kilobytes whatever the size of the
   site, where Material's lunr search downloads and builds the whole index first.
   Results are drawn with Material's own classes, so the search looks the same.

   Each result says what it is (the page's "kind" filter, and a measure's level and status),
   the buttons above the results narrow them to one kind, and "Show more" draws the next
   ten. A page holds, before its heading, words for the index alone (its names weighted by
   kind, other names, the suffixes of its Chinese names: generator/render/search.py): the
   excerpt is drawn here from the text after the heading, so it shows neither those words
   nor the title again.

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
  var kinds = document.querySelector(".search-kinds");
  var more = document.querySelector(".search-more");
  if (!toggle || !input || !list || !meta || !kinds || !more) return;

  var BATCH = 10;
  var EXCERPT_WORDS = 30;
  var KINDS = ["Measure", "Topic", "Agency", "Place", "Person", "Event", "Source", "Page"];
  var PLURALS = { Agency: "Agencies", Person: "People" };

  // Pagefind, with the ranking the generator wrote beside the index (a record's names weigh
  // by its kind: generator/render/search.py), and the other parts of a large site's index
  // merged in (each part was indexed by a Pagefind run of its own: generator/search.py).
  var pagefind = null;
  function json(name, otherwise) {
    return fetch(new URL("pagefind/" + name, root)).then(function (response) {
      return response.ok ? response.json() : otherwise;
    }).catch(function () { return otherwise; });
  }
  function load() {
    if (!pagefind) {
      var module = import(new URL("pagefind/pagefind.js", root).href);
      pagefind = Promise.all([module, json("ranking.json", {}), json("parts.json", [])]).then(function (loaded) {
        var module = loaded[0];
        var options = { baseUrl: root.pathname, ranking: loaded[1] };
        return module.options(options).then(function () {
          module.init();
          return Promise.all(loaded[2].map(function (part) {
            return module.mergeIndex(new URL("pagefind/" + part, root).href, options);
          }));
        }).then(function () {
          // Loading the filters makes every search count its results by kind.
          return module.filters().then(function () { return module; });
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

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // The page's text from the end of its heading on: its opening words (a record's summary)
  // when they hold a match or nothing matched, else the EXCERPT_WORDS words with the most
  // weight of matches.
  function excerpt(data) {
    var text = data.content.split(/\s+/);
    var heading = data.anchors.filter(function (a) { return a.element === "h1"; })[0];
    var first = heading ? heading.location + heading.text.split(/\s+/).filter(Boolean).length : 0;
    var hits = {};
    data.weighted_locations.forEach(function (hit) {
      if (hit.location >= first) hits[hit.location] = (hits[hit.location] || 0) + hit.balanced_score;
    });
    var at = Object.keys(hits).map(Number).sort(function (a, b) { return a - b; });
    var start = at.length && at[0] >= first + EXCERPT_WORDS ? densest(at, hits) - 3 : first;
    start = Math.max(first, Math.min(start, text.length - EXCERPT_WORDS));
    var end = Math.min(text.length, start + EXCERPT_WORDS);
    var shown = text.slice(start, end).map(function (word, i) {
      return hits[start + i] ? "<mark>" + escape(word) + "</mark>" : escape(word);
    }).join(" ").replace(/ (?=[,;:.!?)](?: |$))/g, "");  // the index spaces off a footnote mark
    return (start > first ? "… " : "") + shown + (end < text.length ? " …" : "");
  }

  // Where the window of EXCERPT_WORDS words holding the most weight of matches starts.
  function densest(at, hits) {
    var best = 0;
    var start = at[0];
    at.forEach(function (location, i) {
      var weight = 0;
      for (var j = i; j < at.length && at[j] < location + EXCERPT_WORDS; j++) weight += hits[at[j]];
      if (weight > best) {
        best = weight;
        start = location;
      }
    });
    return start;
  }

  function item(data) {
    var filters = data.filters || {};
    var facts = [].concat(filters.kind || ["Page"], filters.level || [], filters.status || []);
    var chinese = data.meta.name_zh ? ' <span class="search-result__zh" lang="zh">' + escape(data.meta.name_zh) + "</span>" : "";
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML =
      '<a href="' + escape(data.url) + '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h1>" + escape(data.meta.title || data.url) + chinese + "</h1>" +
      '<p class="search-result__kind">' + facts.map(escape).join(" · ") + "</p>" +
      "<p>" + excerpt(data) + "</p></article></a>";
    return li;
  }

  var state = { query: "", kind: "", found: null, shown: 0 };

  function count(n) {
    return n === 0 ? "No matching documents" : n === 1 ? "1 matching document" : n + " matching documents";
  }

  // One button a kind that the query finds (with how many), and "All"; the pressed one is
  // the kind shown. Redrawn in place, so that the button pressed keeps the focus.
  function drawKinds(totals, all) {
    var focused = kinds.contains(document.activeElement) ? document.activeElement.dataset.kind : null;
    var shown = KINDS.filter(function (kind) { return totals[kind] || kind === state.kind; });
    kinds.innerHTML = "";
    [""].concat(shown).forEach(function (kind) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "search-kinds__kind";
      button.dataset.kind = kind;
      button.setAttribute("aria-pressed", String(kind === state.kind));
      var label = kind ? PLURALS[kind] || kind + "s" : "All";
      button.innerHTML = escape(label) + ' <span class="search-kinds__count">' + (kind ? totals[kind] || 0 : all) + "</span>";
      kinds.appendChild(button);
      if (kind === focused) button.focus();
    });
    kinds.hidden = shown.length === 0;
  }

  function drawMore() {
    var total = state.found ? state.found.results.length : 0;
    more.hidden = state.shown >= total;
    more.textContent = "Show " + Math.min(BATCH, total - state.shown) + " more (" + state.shown + " of " + total + " shown)";
  }

  function clear() {
    list.innerHTML = "";
    kinds.innerHTML = "";
    kinds.hidden = true;
    more.hidden = true;
    state.found = null;
    state.shown = 0;
    state.kind = "";
    meta.textContent = "Type to start searching";
  }

  // Draw the next batch of results; resolves to the first new item.
  function next(ticket) {
    var batch = state.found.results.slice(state.shown, state.shown + BATCH);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (ticket !== latest) return null;
      var items = data.map(item);
      items.forEach(function (li) { list.appendChild(li); });
      state.shown += items.length;
      drawMore();
      return items[0] || null;
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
    if (!query) return clear();
    timer = setTimeout(function () { run(query, ticket); }, PAUSE_MS);
  }

  function run(query, ticket) {
    var filters = state.kind ? { kind: state.kind } : {};
    return load().then(function (module) {
      return module.search(words(query), { filters: filters });
    }).then(function (found) {
      if (ticket !== latest || !found) return null;
      var totals = (found.totalFilters && found.totalFilters.kind) || {};
      state.query = query;
      state.found = found;
      state.shown = 0;
      list.innerHTML = "";
      return next(ticket).then(function () {
        if (ticket !== latest) return;
        meta.textContent = count(found.results.length);
        drawKinds(totals, found.unfilteredResultCount);
        shown = ticket;
      });
    });
  }

  kinds.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    state.kind = button.dataset.kind;
    var query = input.value.trim();
    if (query) run(query, ++latest);
  });
  more.addEventListener("click", function () {
    if (!state.found) return;
    next(latest).then(function (first) {
      if (first) first.querySelector("a").focus();
    });
  });

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

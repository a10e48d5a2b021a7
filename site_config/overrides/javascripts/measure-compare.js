/* Compare two to four measures side by side, on the table of all measures.
   Each row gets a checkbox; "Compare" (enabled at two to four) shows the ticked measures as
   the columns of one table: the facts the table's cells give (instrument, issued by, where,
   level, status, for whom, year), then each measure's figures and sources, which the page
   carries as JSON in an attribute (generator/render/compare.py). The address keeps the comparison
   (?compare=id1,id2), so it can be shared; opening it restores the comparison.
   Every text from the data or the table reaches the page as text (textContent), never as markup. */
(function () {
  "use strict";

  var LEAST = 2;
  var MOST = 4;
  var PARAM = "compare";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cellValues(cell) {
    return cell.textContent.split(";").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  /* A record's id: the last part of its page's address (measures/<id>/). */
  function idOf(link) {
    var parts = new URL(link.href, window.location.href).pathname.split("/").filter(Boolean);
    return parts[parts.length - 1] || "";
  }

  /* Values as one line each; "none" when there is none. */
  function fill(cell, items) {
    if (!items.length) {
      cell.appendChild(element("span", "measure-compare__none", "none"));
      return;
    }
    if (items.length === 1) {
      cell.appendChild(items[0]);
      return;
    }
    var list = element("ul", "measure-compare__list");
    items.forEach(function (item) {
      var entry = element("li");
      entry.appendChild(item);
      list.appendChild(entry);
    });
    cell.appendChild(list);
  }

  function figure(values) {
    var line = element("span");
    line.appendChild(element("strong", "", values[0]));
    line.appendChild(document.createTextNode(": " + values[1] + " (" + values[2] + ")"));
    return line;
  }

  function source(values) {
    var line = element("span");
    var link = element("a", "", values[0]);
    link.setAttribute("href", values[2]);
    line.appendChild(link);
    line.appendChild(document.createTextNode(" (" + values[1] + ")"));
    return line;
  }

  function setUp(mount, data) {
    var wrapper = mount.nextElementSibling;
    var table = wrapper && (wrapper.tagName === "TABLE" ? wrapper : wrapper.querySelector("table"));
    if (!table || !data.measures) return;
    var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim();
    });
    var rows = {};
    var order = [];
    var picked = [];

    var result = element("section", "measure-compare__result");
    result.hidden = true;
    result.setAttribute("aria-labelledby", "comparison");
    mount.parentNode.insertBefore(result, mount);

    var bar = element("div", "measure-compare__bar");
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "Compare measures");
    var compare = element("button", "md-button md-button--primary", "Compare");
    compare.type = "button";
    var status = element("span", "measure-compare__status");
    status.setAttribute("aria-live", "polite");
    var clear = element("button", "md-button", "Untick all");
    clear.type = "button";
    bar.appendChild(compare);
    bar.appendChild(clear);
    bar.appendChild(status);
    wrapper.parentNode.insertBefore(bar, wrapper.nextSibling);

    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var link = row.cells[0].querySelector("a");
      var id = link ? idOf(link) : "";
      if (!id || !data.measures[id] || rows[id]) return;
      var box = element("input", "measure-compare__pick");
      box.type = "checkbox";
      box.value = id;
      box.setAttribute("aria-label", "Compare " + link.textContent.trim());
      box.addEventListener("change", function () {
        picked = picked.filter(function (other) { return other !== id; });
        if (box.checked) picked.push(id);
        refresh();
      });
      row.cells[0].insertBefore(box, row.cells[0].firstChild);
      rows[id] = { row: row, box: box, title: link.textContent.trim(), href: link.getAttribute("href") };
      order.push(id);
    });

    function refresh() {
      var ready = picked.length >= LEAST && picked.length <= MOST;
      compare.disabled = !ready;
      clear.disabled = !picked.length;
      bar.classList.toggle("measure-compare__bar--active", picked.length > 0);
      if (!picked.length) status.textContent = "Tick " + LEAST + " to " + MOST + " measures to compare them side by side.";
      else if (picked.length > MOST) status.textContent = picked.length + " ticked: untick some, " + MOST + " at most.";
      else status.textContent = picked.length + " ticked" + (ready ? "." : ": tick at least " + LEAST + ".");
    }

    function address(ids) {
      var query = new URLSearchParams(window.location.search);
      if (ids.length) query.set(PARAM, ids.join(","));
      else query.delete(PARAM);
      var search = query.toString().replace(/%2C/g, ",");  /* commas need no escape: ?compare=a,b */
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    function show(ids, focus) {
      result.textContent = "";
      var heading = element("h2", "", "Side by side");
      heading.id = "comparison";
      heading.tabIndex = -1;
      result.appendChild(heading);
      var said = ids.length + " measures side by side: their facts, figures and sources.";
      result.appendChild(element("p", "measure-compare__intro", said));
      var scroll = element("div", "measure-compare__scroll");
      var grid = element("table", "measure-compare__table");
      grid.appendChild(element("caption", "visually-hidden", said));
      var head = grid.createTHead().insertRow();
      var corner = element("th", "", "");
      corner.setAttribute("scope", "col");
      corner.appendChild(element("span", "visually-hidden", "Fact"));
      head.appendChild(corner);
      ids.forEach(function (id) {
        var cell = element("th");
        cell.setAttribute("scope", "col");
        var link = element("a", "", rows[id].title);
        link.setAttribute("href", rows[id].href);
        cell.appendChild(link);
        head.appendChild(cell);
      });
      var body = grid.createTBody();
      function line(label, items) {
        var tr = body.insertRow();
        var th = element("th", "", label);
        th.setAttribute("scope", "row");
        tr.appendChild(th);
        ids.forEach(function (id) {
          var td = tr.insertCell();
          fill(td, items(id));
        });
      }
      headings.forEach(function (label, column) {
        if (column === 0) return;
        line(label, function (id) {
          return cellValues(rows[id].row.cells[column]).map(function (v) { return document.createTextNode(v); });
        });
      });
      line("Figures", function (id) { return (data.measures[id].figures || []).map(figure); });
      line("Sources", function (id) {
        return (data.measures[id].sources || []).filter(function (s) { return data.sources[s]; }).map(function (s) {
          return source(data.sources[s]);
        });
      });
      scroll.appendChild(grid);
      result.appendChild(scroll);
      var close = element("button", "md-button measure-compare__close", "Close the comparison");
      close.type = "button";
      close.addEventListener("click", function () {
        result.hidden = true;
        result.textContent = "";
        address([]);
        compare.focus();
      });
      var actions = element("p", "measure-compare__actions");
      actions.appendChild(close);
      result.appendChild(actions);
      result.hidden = false;
      if (scroll.scrollWidth > scroll.clientWidth + 1) {
        result.querySelector(".measure-compare__intro").textContent = said + " Scroll the table sideways for the others.";
      }
      if (focus) {
        heading.focus();
        heading.scrollIntoView({ block: "start" });
      }
    }

    compare.addEventListener("click", function () {
      if (picked.length < LEAST || picked.length > MOST) return;
      address(picked);
      show(picked.slice(), true);
    });
    clear.addEventListener("click", function () {
      picked.forEach(function (id) { rows[id].box.checked = false; });
      picked = [];
      refresh();
    });

    var asked = (new URLSearchParams(window.location.search).get(PARAM) || "").split(",");
    asked.forEach(function (id) {
      if (rows[id] && picked.indexOf(id) < 0 && picked.length < MOST) {
        rows[id].box.checked = true;
        picked.push(id);
      }
    });
    refresh();
    if (picked.length >= LEAST) show(picked.slice(), false);
  }

  function init() {
    var holder = document.getElementById("measure-compare-data");
    var mount = document.getElementById("measure-filters");
    if (!holder || !mount || holder.dataset.ready) return;
    holder.dataset.ready = "true";
    var data;
    try {
      data = JSON.parse(holder.dataset.measures || "");
    } catch (error) {
      return;  /* no comparison without its data; the table still works */
    }
    setUp(mount, data);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();

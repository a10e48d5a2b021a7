/* Filter and sort the table of all measures in the browser, with no server.
   The state lives in the address (?status=In+force&sort=year&order=desc), so a
   filtered view can be shared; parameters of other scripts (?compare=...) are kept.
   Cells that list several values separate them with "; ".
   Each column's key comes from the page (data-columns on the mount, written by
   generator/render/indexes.py), so links from other pages use the same keys; so does
   the month filter (data-month: the column of dates, then the filter's key), which reads the
   <time datetime> of that column's cells:
   the home page's timeline links to it (?month=2025-05). */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  function cellValues(cell) {
    return cell.textContent.split(";").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  /* The month a cell's date falls in (2025-05), or "" when it gives none. */
  function cellMonth(cell) {
    var time = cell.querySelector("time[datetime]");
    var when = time ? time.getAttribute("datetime") : "";
    return /^\d{4}-\d{2}/.test(when) ? when.slice(0, 7) : "";
  }

  /* What a column sorts by: a cell's full date where it gives one, else its text. */
  function sortValue(cell) {
    var time = cell.querySelector("time[datetime]");
    return time ? time.getAttribute("datetime") : cell.textContent.trim();
  }

  function addSelect(form, labelText, name, options, chosen, onChange) {
    var label = document.createElement("label");
    label.textContent = labelText + " ";
    var select = document.createElement("select");
    select.name = name;
    var any = document.createElement("option");
    any.value = "";
    any.textContent = "All";
    select.appendChild(any);
    options.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      select.appendChild(option);
    });
    select.value = options.some(function (pair) { return pair[0] === chosen; }) ? chosen : "";
    select.addEventListener("change", onChange);
    label.appendChild(select);
    form.appendChild(label);
    return select;
  }

  function setUp(mount) {
    var wrapper = mount.nextElementSibling;
    var table = wrapper && (wrapper.tagName === "TABLE" ? wrapper : wrapper.querySelector("table"));
    if (!table || mount.dataset.ready) return;
    mount.dataset.ready = "true";
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var keys = (mount.dataset.columns || "").split(" ");
    if (keys.length !== headers.length) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var params = new URLSearchParams(window.location.search);

    var form = document.createElement("form");
    form.className = "measure-filters__form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter measures");
    var filters = [];  /* each: the select, and the values a row has for it */
    headers.forEach(function (header, column) {
      if (column === 0) return;
      var values = {};
      rows.forEach(function (row) { cellValues(row.cells[column]).forEach(function (v) { values[v] = true; }); });
      var options = Object.keys(values).sort().map(function (v) { return [v, v]; });
      var select = addSelect(form, header.textContent, keys[column], options, params.get(keys[column]), update);
      filters.push({ select: select, values: function (row) { return cellValues(row.cells[column]); } });
    });
    var dated = (mount.dataset.month || "").split(" ");  /* the column of dates, the month filter's key */
    var year = keys.indexOf(dated[0]);
    if (dated.length === 2 && year > 0) {
      var months = {};
      rows.forEach(function (row) { var m = cellMonth(row.cells[year]); if (m) months[m] = true; });
      var monthOptions = Object.keys(months).sort().map(function (m) {
        return [m, MONTHS[Number(m.slice(5, 7)) - 1] + " " + m.slice(0, 4)];
      });
      if (monthOptions.length) {
        var month = addSelect(form, "Month", dated[1], monthOptions, params.get(dated[1]), update);
        filters.push({ select: month, values: function (row) { return [cellMonth(row.cells[year])]; } });
      }
    }
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button";
    reset.textContent = "Clear filters";
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.appendChild(reset);
    var count = document.createElement("p");
    count.className = "measure-filters__count";
    count.setAttribute("aria-live", "polite");
    /* The filters fold away under a summary that counts those in use; open on a wide screen. */
    var fold = document.createElement("details");
    fold.className = "measure-filters__fold";
    fold.open = window.matchMedia("(min-width: 45em)").matches;
    var summary = document.createElement("summary");
    fold.appendChild(summary);
    fold.appendChild(form);
    mount.appendChild(fold);
    mount.appendChild(count);
    /* On a phone each row shows as a card of "Column: value" lines (extra.css), so that no
       column is off-screen: each cell carries its column's name. */
    table.setAttribute("data-measure-table", "");
    rows.forEach(function (row) {
      headers.forEach(function (header, column) { row.cells[column].setAttribute("data-label", header.textContent); });
    });

    var sort = { column: -1, order: "asc" };
    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "measure-table__sort";
      button.textContent = header.textContent;
      button.addEventListener("click", function () {
        sort.order = sort.column === column && sort.order === "asc" ? "desc" : "asc";
        sort.column = column;
        update();
      });
      header.textContent = "";
      header.appendChild(button);
      if (keys[column] === params.get("sort")) {
        sort.column = column;
        sort.order = params.get("order") === "desc" ? "desc" : "asc";
      }
    });

    function update() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = filters.every(function (filter) {
          return !filter.select.value || filter.values(row).indexOf(filter.select.value) >= 0;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var ordered = rows.slice();
      if (sort.column >= 0) {
        ordered.sort(function (a, b) {
          var x = sortValue(a.cells[sort.column]);
          var y = sortValue(b.cells[sort.column]);
          var result = x.localeCompare(y, "en", { numeric: true });
          return sort.order === "asc" ? result : -result;
        });
      }
      ordered.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (header, column) {
        if (column === sort.column) header.setAttribute("aria-sort", sort.order === "asc" ? "ascending" : "descending");
        else header.removeAttribute("aria-sort");
      });
      count.textContent = shown + " of " + rows.length + " measures shown";
      var active = filters.filter(function (filter) { return filter.select.value; }).length;
      summary.textContent = active ? "Filters (" + active + " in use)" : "Filters";
      var query = new URLSearchParams(window.location.search);
      filters.forEach(function (filter) {
        if (filter.select.value) query.set(filter.select.name, filter.select.value);
        else query.delete(filter.select.name);
      });
      if (sort.column >= 0) {
        query.set("sort", keys[sort.column]);
        query.set("order", sort.order);
      }
      var search = query.toString().replace(/%2C/g, ",");  /* commas need no escape: ?compare=a,b */
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    update();
  }

  function init() {
    var mount = document.getElementById("measure-filters");
    if (mount) setUp(mount);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();

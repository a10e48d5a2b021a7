/* Filter and sort the table of all measures in the browser, with no server.
   The state lives in the address (?status=In+force&sort=year&order=desc), so a
   filtered view can be shared. Cells that list several values separate them with "; ".
   Each column's key comes from the page (data-columns on the mount, written by
   generator/render/indexes.py), so links from other pages use the same keys. */
(function () {
  "use strict";

  function cellValues(cell) {
    return cell.textContent.split(";").map(function (v) { return v.trim(); }).filter(Boolean);
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
    var selects = [];

    var form = document.createElement("form");
    form.className = "measure-filters__form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter measures");
    headers.forEach(function (header, column) {
      if (column === 0) return;
      var key = keys[column];
      var values = {};
      rows.forEach(function (row) { cellValues(row.cells[column]).forEach(function (v) { values[v] = true; }); });
      var label = document.createElement("label");
      label.textContent = header.textContent + " ";
      var select = document.createElement("select");
      select.name = key;
      select.dataset.column = String(column);
      var any = document.createElement("option");
      any.value = "";
      any.textContent = "All";
      select.appendChild(any);
      Object.keys(values).sort().forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      select.value = values[params.get(key)] ? params.get(key) : "";
      select.addEventListener("change", update);
      label.appendChild(select);
      form.appendChild(label);
      selects.push(select);
    });
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button";
    reset.textContent = "Clear filters";
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.appendChild(reset);
    var count = document.createElement("p");
    count.className = "measure-filters__count";
    count.setAttribute("aria-live", "polite");
    mount.appendChild(form);
    mount.appendChild(count);

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
        var visible = selects.every(function (select) {
          return !select.value || cellValues(row.cells[Number(select.dataset.column)]).indexOf(select.value) >= 0;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var ordered = rows.slice();
      if (sort.column >= 0) {
        ordered.sort(function (a, b) {
          var x = a.cells[sort.column].textContent.trim();
          var y = b.cells[sort.column].textContent.trim();
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
      var query = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
      if (sort.column >= 0) {
        query.set("sort", keys[sort.column]);
        query.set("order", sort.order);
      }
      var search = query.toString();
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

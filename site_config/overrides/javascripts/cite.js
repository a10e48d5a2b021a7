/* "Cite this page": the access date of a citation is the day the reader copies it. The page
   says YYYY-MM-DD (generator/render/citation.py: ACCESSED); put today's date in its place. */
(function () {
  "use strict";
  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }
  function fill() {
    var date = today();
    document.querySelectorAll(".cite-this code").forEach(function (code) {
      var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode())) {
        if (node.nodeValue.indexOf("YYYY-MM-DD") >= 0) node.nodeValue = node.nodeValue.split("YYYY-MM-DD").join(date);
      }
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(fill);
  else document.addEventListener("DOMContentLoaded", fill);
})();

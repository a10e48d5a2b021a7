/* Chinese queries for Material's search. The index holds Chinese text cut into words
   (jieba, at build time), but a query typed without spaces reaches the search as one
   long term, of which only the first word is matched. Before the search reads the box,
   put a space between the words the browser's own segmenter finds, so that
   "中国出口信用保险公司" searches for 中国, 出口, 信用, 保险 and 公司. */
(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.Segmenter) return;
  var segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  var han = /\p{Script=Han}/u;

  function spaced(value) {
    var out = "";
    var previousHan = false;
    Array.from(segmenter.segment(value)).forEach(function (part) {
      var isHan = part.isWordLike && han.test(part.segment);
      if (isHan && previousHan) out += " ";
      out += part.segment;
      previousHan = isHan;
    });
    return out;
  }

  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("md-search__input") || event.isComposing) return;
    if (!han.test(box.value)) return;
    var value = spaced(box.value);
    if (value !== box.value) box.value = value;
  }, true);
})();

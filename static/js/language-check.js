// The respectful-language check as you type. The same rules run on the server when the form is
// saved (engagement/language.py), so the page works without this script; keep the two in step.
(function () {
  "use strict";

  var SENTENCE_END = /[.!?;\n]/g;
  var WORD = /[\w']+/g;

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function phrasePattern(phrase) {
    var parts = phrase.trim().toLowerCase().split(/[\s-]+/).filter(Boolean).map(function (token) {
      if (token.slice(-1) === "*") {
        return escapeRegExp(token.replace(/\*+$/, "")) + "\\w*";
      }
      return escapeRegExp(token);
    });
    return new RegExp("(?<!\\w)" + parts.join("[\\s\\-]+") + "(?!\\w)", "gi");
  }

  function wordsBefore(text, at) {
    var start = 0;
    var match;
    SENTENCE_END.lastIndex = 0;
    while ((match = SENTENCE_END.exec(text)) !== null && match.index < at) {
      start = match.index + 1;
    }
    return (text.slice(start, at).toLowerCase().match(WORD) || []).slice(-3);
  }

  function wordsAfter(text, at) {
    var rest = text.slice(at);
    var end = rest.search(/[.!?;\n]/);
    return (rest.slice(0, end === -1 ? rest.length : end).toLowerCase().match(WORD) || []).slice(0, 2);
  }

  function overlaps(words, list) {
    return words.some(function (word) { return list.indexOf(word) !== -1; });
  }

  function check(text, rules) {
    var findings = [];
    rules.forEach(function (rule) {
      var pattern = phrasePattern(rule.phrase);
      var match;
      while ((match = pattern.exec(text)) !== null) {
        var end = match.index + match[0].length;
        if (overlaps(wordsBefore(text, match.index), rule.before)) { continue; }
        if (overlaps(wordsAfter(text, end), rule.after)) { continue; }
        findings.push({ rule: rule, text: match[0], start: match.index });
      }
    });
    return findings.sort(function (a, b) { return a.start - b.start; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function show(report, findings) {
    while (report.firstChild) { report.removeChild(report.firstChild); }
    if (!findings.length) { return; }
    var intro = element("p", "govuk-body govuk-!-font-weight-bold",
      "Some words may read as judging the resident. You can change the text, or save it as it is.");
    var list = element("ul", "govuk-list");
    findings.forEach(function (finding) {
      var item = element("li", "govuk-inset-text govuk-!-margin-top-0");
      item.appendChild(element("strong", "", "\u201c" + finding.text + "\u201d"));
      item.appendChild(element("span", "govuk-body govuk-!-display-block", "Instead: " + finding.rule.alternative));
      item.appendChild(element("span", "govuk-body-s govuk-!-display-block", "Why: " + finding.rule.why));
      list.appendChild(item);
    });
    report.appendChild(intro);
    report.appendChild(list);
  }

  // Which phrases were found, in order, ignoring where: typing elsewhere moves them, not changes them.
  function signature(findings) {
    return findings.map(function (finding) { return finding.text.toLowerCase(); }).join("\u0000");
  }

  function enhance(field) {
    var rules = JSON.parse(field.getAttribute("data-language-rules") || "[]");
    var asFlagged = document.getElementById(field.getAttribute("data-language-as-flagged"));
    var report = document.getElementById(field.getAttribute("data-language-report"));
    if (!report) { return; }
    var timer = null;
    var shown = signature(check(field.value, rules));
    function run() {
      var findings = check(field.value, rules);
      // Keep the text as it was when first flagged, so the server can record whether it changed.
      if (findings.length && asFlagged && !asFlagged.value) { asFlagged.value = field.value; }
      // The report is a live region: rewrite it only when the set of findings changes, so a
      // screen reader hears a new finding once and nothing while the officer types on.
      var now = signature(findings);
      if (now === shown) { return; }
      shown = now;
      show(report, findings);
    }
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 400);
    });
  }

  var fields = document.querySelectorAll("textarea[data-language-rules]");
  Array.prototype.forEach.call(fields, enhance);
})();

// Progressive enhancement only: every feature below also works without this file.
(function () {
  "use strict";

  // Suggest-as-you-type from /api/suggest, through a native <datalist> (keyboard and
  // screen-reader support come from the browser).
  function enableSuggest(input) {
    var list = document.getElementById("goi-y");
    if (!list) {
      list = document.createElement("datalist");
      list.id = "goi-y";
      document.body.appendChild(list);
    }
    input.setAttribute("list", list.id);
    var timer = null, lastAsked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === lastAsked) return;
        lastAsked = text;
        fetch("/api/suggest?limit=8&q=" + encodeURIComponent(text))
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.suggestions.forEach(function (s) {
              var option = document.createElement("option");
              option.value = s.kind === "document" ? s.number : s.text;
              option.label = s.text;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  }

  // Filters apply as soon as a box is ticked; the "Áp dụng" button stays for keyboard users.
  function enableFacets(form) {
    form.addEventListener("change", function () { form.submit(); });
  }

  // Add/remove reading-list entries without leaving the page.
  function enableReadingForm(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Requested-With": "fetch" } })
        .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
        .then(function (answer) {
          document.querySelectorAll("[data-reading-count]").forEach(function (el) { el.textContent = answer.data.count; });
          if (!answer.ok) { alert(answer.data.message); return; }
          var adding = /\/them$/.test(form.getAttribute("action"));
          form.setAttribute("action", adding ? "/danh-sach-doc/xoa" : "/danh-sach-doc/them");
          // The visible words change; the hidden article name after them stays (the button's name
          // starts with what it shows, as WCAG 2.5.3 asks).
          button.querySelector("[data-reading-action]").textContent =
            adding ? "✓ Đã có trong danh sách đọc — bỏ ra" : "+ Thêm vào danh sách đọc";
          button.className = adding ? "button secondary" : "button";
          announce(answer.data.message);
        })
        .catch(function () { form.submit(); })
        .finally(function () { button.disabled = false; });
    });
  }

  // "Sao chép trích dẫn": copies the citation shown next to the button (the text stays
  // selectable for browsers without the clipboard API or without this script).
  function enableCopy(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var text = source ? source.textContent.trim() : "";
      var done = function () { announce("Đã sao chép trích dẫn: " + text); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
      } else {
        selectText(source);
        try { if (document.execCommand("copy")) done(); } catch (e) { /* the text stays selected */ }
      }
    });
  }

  // A clause's permalink (#..._khoan_1__diem_a): the article's "copy citation" gives that clause's
  // citation (its label, then the document's citation form, as ingest.official.article_citation
  // writes it) and a second button adds that clause alone to the reading list. Without a clause in
  // the address, or without this script, both stay the article's.
  function citeTargetedUnit() {
    document.querySelectorAll(".law-article[data-cite-document]").forEach(function (section) {
      var cite = section.querySelector("[data-article-citation]");
      var form = section.querySelector("form[data-clause-form]");
      var unit = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      var inside = unit && unit.matches(".unit[data-cite-label]") && section.contains(unit);
      var label = inside ? unit.getAttribute("data-cite-label") : "";
      if (cite) {
        cite.textContent = inside ? label + " " + section.getAttribute("data-cite-document") : cite.getAttribute("data-article-citation");
      }
      section.querySelectorAll("[data-cite-unit]").forEach(function (el) { el.textContent = inside ? " " + label : ""; });
      if (form) {
        form.hidden = !inside;
        form.querySelector("input[name=article]").value = inside ? unit.getAttribute("data-entry") : "";
      }
    });
  }

  function selectText(element) {
    if (!element) return;
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // The table of contents marks the article being read (aria-current), and keeps it in its own
  // scrolled view without moving the page.
  function followReading(toc) {
    if (!("IntersectionObserver" in window)) return;
    var links = {};
    toc.querySelectorAll("a[href^='#']").forEach(function (a) { links[a.getAttribute("href").slice(1)] = a; });
    var current = null;
    var details = toc.querySelector("details");
    function keepInView() {
      if (!current || (details && !details.open)) return;
      var list = toc.querySelector("ol");
      var scroller = list && list.scrollHeight > list.clientHeight ? list : toc;
      var box = scroller.getBoundingClientRect(), item = current.getBoundingClientRect();
      if (item.top < box.top || item.bottom > box.bottom) scroller.scrollTop += item.top - box.top - box.height / 3;
    }
    if (details) {
      details.addEventListener("toggle", keepInView);
      // On a phone the open list covers the text: a chosen entry folds it again.
      toc.addEventListener("click", function (event) {
        if (event.target.closest("a") && window.matchMedia("(max-width: 799px)").matches) details.open = false;
      });
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !links[entry.target.id]) return;
        if (current) current.removeAttribute("aria-current");
        current = links[entry.target.id];
        current.setAttribute("aria-current", "location");
        // The folded bar on a phone says where the reader is: "Mục lục (29 điều) · Điều 13".
        var where = toc.querySelector("[data-toc-current]");
        var label = current.textContent.match(/^Điều [^ .]+/);
        if (where) where.textContent = label ? " · " + label[0] : "";
        keepInView();
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll(".law-article[id]").forEach(function (section) { observer.observe(section); });
  }

  var live;
  function announce(message) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = message;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest]").forEach(enableSuggest);
    document.querySelectorAll("form[data-facet-form]").forEach(enableFacets);
    document.querySelectorAll("form[data-reading-form], form[data-clause-form]").forEach(enableReadingForm);
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!confirm(form.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-copy]").forEach(enableCopy);
    citeTargetedUnit();
    window.addEventListener("hashchange", citeTargetedUnit);
    document.querySelectorAll("nav.toc").forEach(followReading);
    // Wide screens have room for the relations beside the text: open the side panel there.
    if (window.matchMedia("(min-width: 1180px)").matches) {
      document.querySelectorAll("details[data-relations]").forEach(function (d) { d.open = true; });
    }
    // On a phone the filters and the table of contents start folded, below the fold they hide the text.
    if (window.matchMedia("(max-width: 799px)").matches) {
      document.querySelectorAll("details[data-facets], details[data-toc]").forEach(function (d) { d.open = false; });
    }
  });
})();

/// `/app.js`: what JavaScript adds to the page, which works fully without it. Searches,
/// facet and pager links load the next page's results in place (the URL still changes, so
/// links and the back button behave as before), and `/` focuses the search box.
enum PageScript {
    static let source = """
        "use strict";
        (function () {
          var results = document.getElementById("results");
          var form = document.getElementById("search");
          if (!results || !form || !window.fetch || !window.DOMParser) return;

          function swap(url, push) {
            results.setAttribute("aria-busy", "true");
            fetch(url, { headers: { "Accept": "text/html" } })
              .then(function (r) { return r.text(); })
              .then(function (html) {
                var doc = new DOMParser().parseFromString(html, "text/html");
                ["results", "search"].forEach(function (id) {
                  var fresh = doc.getElementById(id), old = document.getElementById(id);
                  if (fresh && old) old.replaceWith(fresh);
                });
                var tabs = doc.querySelector("nav.tabs"), oldTabs = document.querySelector("nav.tabs");
                if (tabs && oldTabs) oldTabs.replaceWith(tabs);
                document.title = doc.title;
                if (push) history.pushState(null, "", url);
                results = document.getElementById("results");
                form = document.getElementById("search");
                results.removeAttribute("aria-busy");
              })
              .catch(function () { window.location.href = url; });
          }

          document.addEventListener("submit", function (e) {
            if (e.target.id !== "search") return;
            e.preventDefault();
            var params = new URLSearchParams();
            new FormData(e.target).forEach(function (v, k) { if (String(v).trim() !== "") params.append(k, v); });
            var qs = params.toString();
            swap(qs ? "/?" + qs : "/", true);
          });

          document.addEventListener("click", function (e) {
            var a = e.target.closest && e.target.closest("a");
            if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            var href = a.getAttribute("href") || "";
            if (href === "/" || href.indexOf("/?") === 0) {
              e.preventDefault();
              swap(href, true);
            }
          });

          window.addEventListener("popstate", function () { swap(location.pathname + location.search, false); });

          document.addEventListener("keydown", function (e) {
            var t = e.target.tagName;
            if (e.key === "/" && t !== "INPUT" && t !== "TEXTAREA" && t !== "SELECT") {
              e.preventDefault();
              var box = document.querySelector("#search input[name=q]");
              if (box) box.focus();
            }
          });
        })();

        """
}

#!/usr/bin/env bash
# browser-check.sh: render spoa's HTML report and HTML comparison in a real
# browser (headless Chromium) at a laptop's width, 760 px, and fail on a
# console error, a page wider than the window, or a chart with nothing
# drawn in it. It also leaves screenshots to look at.
#
#   cmd/scripts/browser-check.sh [OUTDIR]      # default: a new temporary directory
#
# Needs chromium (Debian: apt-get install chromium) and Go. Not part of
# .ci/run: it needs a browser, and takes about half a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "browser-check: no chromium found; install it (apt-get install chromium)" >&2
	exit 2
fi
go build -o "$out/spoa" ./cmd/spoa
# The hub differs by day of the week, so its page has the week's charts
# too; mmc is every day alike; the comparison has three scenarios.
"$out/spoa" run -c blmk-hub-equal -r 3 --days 7 -o "$out/hub.html"
"$out/spoa" run -c mmc -r 3 --days 3 -o "$out/mmc.html"
"$out/spoa" compare blmk-current blmk-hub-equal blmk-hub-2021 -r 3 --days 3 -o "$out/compare.html"

# check runs in the page, once it has been laid out, and writes what it
# found into the page, which --dump-dom prints.
check='<script>
(function () {
  var problems = [], w = window.innerWidth;
  if (document.documentElement.scrollWidth > w + 1) {
    var wide = Array.prototype.filter.call(document.body.querySelectorAll("*"), function (e) {
      return e.getBoundingClientRect().right > w + 1;
    })[0];
    problems.push("the page is " + document.documentElement.scrollWidth + " px wide in a window of " + w +
      (wide ? ", first by " + wide.tagName + " " + (wide.className || "") + " " + (wide.textContent || "").slice(0, 40) : ""));
  }
  // Each table is in a box that would scroll it sideways; none should
  // need to.
  document.querySelectorAll(".scroll").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth + 1)
      problems.push("a table is " + box.scrollWidth + " px wide in " + box.clientWidth + ": " + box.textContent.slice(0, 40));
  });
  var charts = document.querySelectorAll(".chart > svg");
  if (charts.length === 0) problems.push("no charts");
  charts.forEach(function (svg, i) {
    var r = svg.getBoundingClientRect();
    var title = (svg.querySelector("text") || {}).textContent || "";
    // Data: a path of more than two points (axes, ticks and grid lines
    // have two), not the background (from 0,0); a glyph (an arc, A); a
    // bar (a closed path).
    var data = Array.prototype.filter.call(svg.querySelectorAll("path"), function (p) {
      var d = p.getAttribute("d") || "";
      return d.indexOf("A") >= 0 || (d.split("L").length > 2 && d.indexOf("M0,0") !== 0);
    }).length;
    if (r.width < 100 || r.height < 60) problems.push("chart " + i + " (" + title + ") is " + r.width + "x" + r.height + " px");
    if (data === 0) problems.push("chart " + i + " (" + title + ") has nothing drawn");
    if (r.right > w + 1) problems.push("chart " + i + " (" + title + ") reaches " + r.right + " px");
  });
  var pre = document.createElement("pre");
  pre.id = "browser-check";
  pre.textContent = problems.length ? "PROBLEMS: " + problems.join("; ") : "OK: " + charts.length + " charts";
  document.body.appendChild(pre);
})();
</script>'
status=0
for page in hub mmc compare; do
	html="$out/$page.html"
	checked="$out/$page.checked.html"
	# After the end of the page: a browser parses it into the body.
	{ cat "$html"; printf '%s\n' "$check"; } > "$checked"
	flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=760,1000 --virtual-time-budget=5000)
	if ! timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$checked" > "$out/$page.dom" 2> "$out/$page.log"; then
		echo "$page: chromium failed; see $out/$page.log" >&2
		status=1
		continue
	fi
	result=$(sed -n 's/.*<pre id="browser-check">\([^<]*\)<\/pre>.*/\1/p' "$out/$page.dom")
	errors=$(grep -E 'CONSOLE|Uncaught' "$out/$page.log" | grep -vi 'warning' || true)
	echo "$page: ${result:-no result: the check did not run}"
	if [ -n "$errors" ]; then
		echo "$page: console errors:" >&2
		echo "$errors" >&2
		status=1
	fi
	case "$result" in OK:*) ;; *) status=1 ;; esac
	timeout 120 "$browser" "${flags[@]/--window-size=760,1000/--window-size=760,7000}" --screenshot="$out/$page.png" "file://$html" 2> /dev/null || status=1
done
echo "screenshots (760 px wide): $out/hub.png $out/mmc.png $out/compare.png"
exit $status

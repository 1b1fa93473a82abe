#!/bin/sh
# Regenerates docs/images/report-1400.png and docs/images/report-400.png: runs the simulation (city-week once it
# exists in the jar, else city-day) and photographs its report.html in headless Chromium at 1,400 and 400 px wide.
# Fails (exit 1) when the page at a width is wider than that width (the phone layout scrolls sideways), or when the
# print layout does not put the map on page 1.
#
# Headless Chromium will not make a window narrower than 500 px, so the page is loaded in a frame exactly WIDTH px
# wide: the frame is the viewport its media queries see. A script in the framing page writes the page's
# document.documentElement.scrollWidth into the DOM that --dump-dom prints, and the photograph is of that frame.
#
# Installs nothing. Needs a JDK 17 and Maven (to build the jar when it is missing) and Chromium:
#   apt-get install chromium        (Debian; set CHROMIUM=/path/to/chrome for another browser binary)
# Usage: docs/screenshots.sh [SEED]   (default 42)
set -eu
cd "$(dirname "$0")/.."
seed=${1:-42}
jar=examples/target/geodispatch.jar
browser=${CHROMIUM:-chromium}
command -v "$browser" >/dev/null || { echo "no $browser on PATH: apt-get install chromium" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -o -DskipTests package -pl examples/cli -am
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if java -jar "$jar" --help 2>/dev/null | grep -q "city-week"; then run=city-week; else run=city-day; fi
java -jar "$jar" "$run" --seed "$seed" --out "$out/run" >"$out/console.txt"
# --no-sandbox: Chromium refuses to run as root without it; the page is our own file and needs no network.
# --allow-file-access-from-files: the framing page may read the framed file page's width.
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files "$@" 2>/dev/null
}
for width in 1400 400; do
  frame="$out/run/frame-$width.html"
  cat >"$frame" <<EOF
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>report at $width px</title>
<style>body{margin:0}iframe{display:block;border:0;width:${width}px;height:2400px}</style></head>
<body><iframe id="page" src="report.html"></iframe><script>
document.getElementById('page').addEventListener('load', function () {
  var d = this.contentDocument;
  document.body.setAttribute('data-width', d ? d.documentElement.scrollWidth + ' of ' + this.contentWindow.innerWidth : 'unreadable');
});
</script></body></html>
EOF
  measured=$(chrome --window-size="$width,2400" --virtual-time-budget=5000 --dump-dom "file://$frame" \
    | sed -n 's/.*data-width="\([^"]*\)".*/\1/p')
  case "$measured" in
    "$width of $width") echo "width: the page at $width px is $width px wide" ;;
    *) echo "width: the page at $width px is ${measured:-not measured} px wide (it must fit the viewport)" >&2; exit 1 ;;
  esac
  chrome --window-size="$width,2400" --screenshot="docs/images/report-$width.png" "file://$frame" >/dev/null
  echo "docs/images/report-$width.png ($run --seed $seed)"
done
# the print layout: A4 with the map on page 1 (checked when poppler-utils' pdftotext is there)
if command -v pdftotext >/dev/null; then
  chrome --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/run/report.html" >/dev/null
  if pdftotext -f 1 -l 1 "$out/report.pdf" - | grep -q "^Map of"; then
    echo "print: the map is on page 1"
  else
    echo "print: the map is NOT on page 1" >&2; exit 1
  fi
fi

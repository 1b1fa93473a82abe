#!/bin/sh
# Regenerates docs/images/report-1400.png and docs/images/report-400.png: runs the simulation (city-week once it
# exists in the jar, else city-day) and photographs its report.html in headless Chromium at 1,400 and 400 px wide.
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
for width in 1400 400; do
  # --no-sandbox: Chromium refuses to run as root without it; the page is our own file and needs no network
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,2400" \
    --screenshot="docs/images/report-$width.png" "file://$out/run/report.html" >/dev/null 2>&1
  echo "docs/images/report-$width.png ($run --seed $seed)"
done
# the print layout: A4 with the map on page 1 (checked when poppler-utils' pdftotext is there)
if command -v pdftotext >/dev/null; then
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/report.pdf" \
    "file://$out/run/report.html" >/dev/null 2>&1
  if pdftotext -f 1 -l 1 "$out/report.pdf" - | grep -q "^Map of"; then
    echo "print: the map is on page 1"
  else
    echo "print: the map is NOT on page 1" >&2; exit 1
  fi
fi

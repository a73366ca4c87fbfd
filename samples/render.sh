#!/usr/bin/env bash
# Renders the bundled sample CVs: samples/src/NAME.html -> local/src/main/resources/samples/NAME.pdf
#
# Needs headless Chromium (Debian: apt-get install chromium) and perl. The HTML files use only fonts
# installed with Debian's fonts-dejavu-core and fonts-liberation2 and load nothing from the network.
# Override the browser with CHROMIUM=/path/to/chromium. Re-running is safe: each PDF is overwritten, and
# the creation/modification dates Chromium writes are pinned so an unchanged source gives the same bytes.
#
#   samples/render.sh            # render every samples/src/*.html
#   samples/render.sh de-lebenslauf  # render only the named sample(s)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$HERE/src"
OUT="$(cd "$HERE/.." && pwd)/local/src/main/resources/samples"
FIXED_DATE="D:20250515000000+00'00'"   # same length as Chromium's D:YYYYMMDDhhmmss+00'00'

CHROMIUM="${CHROMIUM:-}"
if [ -z "$CHROMIUM" ]; then
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then CHROMIUM="$c"; break; fi
  done
fi
[ -n "$CHROMIUM" ] || { echo "render.sh: chromium not found; install it (Debian: apt-get install chromium) or set CHROMIUM" >&2; exit 1; }
command -v perl >/dev/null 2>&1 || { echo "render.sh: perl not found" >&2; exit 1; }

PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
mkdir -p "$OUT"

if [ "$#" -gt 0 ]; then names=("$@"); else
  names=(); for f in "$SRC"/*.html; do names+=("$(basename "$f" .html)"); done
fi

for name in "${names[@]}"; do
  html="$SRC/$name.html"
  pdf="$OUT/$name.pdf"
  [ -f "$html" ] || { echo "render.sh: no such sample: $html" >&2; exit 1; }
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$PROFILE" \
    --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1 \
    || { echo "render.sh: chromium failed on $html" >&2; exit 1; }
  [ -s "$pdf" ] || { echo "render.sh: chromium wrote no PDF for $html" >&2; exit 1; }
  # Pin the timestamps (same byte length, so the xref table stays valid).
  perl -0777 -pi -e "s/D:\\d{14}[+-]\\d\\d'\\d\\d'/$FIXED_DATE/g" "$pdf"
  pages=""
  command -v pdfinfo >/dev/null 2>&1 && pages=", $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') page(s)"
  echo "render.sh: $pdf ($(wc -c <"$pdf") bytes$pages)"
done

#!/usr/bin/env bash
# The pictures of what people open, for the README: the first screen of the demo's report.html and the page of
# its follow-up round, at 1280×900, by headless Chromium (Debian: apt-get install -y chromium).
#
# usage: benchmarks/screenshots.sh        (from anywhere; writes docs/images/report-first-screen.png, follow-up.png)
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "no Chromium found (Debian: apt-get install -y chromium)" >&2
  exit 1
fi
[ -f target/lookback.jar ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar target/lookback.jar demo --out "$work/demo" --charts none > /dev/null
java -jar target/lookback.jar follow-up --review "$work/demo" > /dev/null
shot() { # shot PAGE PNG
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900 \
    --screenshot="$2" "file://$1" > /dev/null 2>&1
  echo "$2"
}
mkdir -p docs/images
shot "$work/demo/report.html" docs/images/report-first-screen.png
shot "$work/demo/round-2/follow_up.html" docs/images/follow-up.png

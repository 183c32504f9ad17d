#!/usr/bin/env bash
# Renders the README's pictures from a real build of the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
node bin/interview-kit.js build content/examples/maya.yaml --out "$out" --format pdf >/dev/null
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$out/maya-patel/packet.pdf" docs/images/packet-1
pdftoppm -png -r 70 -f 4 -l 4 -singlefile "$out/maya-patel/packet.pdf" docs/images/packet-questions
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$out/maya-patel/questions.pdf" docs/images/questions-1
rm -rf "$out"
echo "updated docs/images/*.png"

#!/bin/sh
# Seed the fuzzing corpus with the conformance cases and the project's maps.
set -e
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus
for f in tests/conformance/*/*.argmap maps/*.argmap maps/examples/*.argmap; do
  cp "$f" "fuzz/corpus/$(echo "$f" | tr / _)"
done
for f in maps/examples/*.argmap; do
  python -m argmap export "$f" -o "fuzz/corpus/$(basename "$f").json"
  python -m argmap export "$f" -f aif -o "fuzz/corpus/$(basename "$f").aif.json" 2>/dev/null
done

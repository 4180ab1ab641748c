#!/bin/sh
# Seed the fuzzing corpus with the conformance cases and the project's maps.
set -e
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus
for f in tests/conformance/*/*.argmap maps/*.argmap maps/examples/*.argmap; do
  cp "$f" "fuzz/corpus/$(echo "$f" | tr / _)"
done

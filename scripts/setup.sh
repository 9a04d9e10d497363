#!/usr/bin/env bash
# Sets toile up on a fresh Debian 12 machine and runs it on the bundled example articles:
# installs the system packages and the JavaScript RDF tools the tests use, builds, then writes
# out/examples.toile (the graph) and out/examples.svg (its diagram).
# Usage: scripts/setup.sh [--no-install] [--no-examples]
set -euo pipefail
cd "$(dirname "$0")/.."

install=1 examples=1
for arg in "$@"; do
  case "$arg" in
    --no-install) install=0 ;;
    --no-examples) examples=0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake ninja-build pkg-config python3
  libboost-graph-dev libre2-dev nlohmann-json3-dev libgraphviz-dev graphviz
  libgtest-dev libgmock-dev libbenchmark-dev libicu-dev libhunspell-dev hunspell-fr
  libcli11-dev libgoogle-perftools-dev libsqlite3-dev sqlite3 libssl-dev iso-codes time
  clang libclang-rt-14-dev
  python3-rdflib python3-networkx
)

if [[ $install == 1 ]]; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  # Node.js may come from elsewhere with its own npm; Debian's npm would clash with it.
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if (( ${#missing[@]} )); then
    echo "setup: installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Again whenever tests/rdf/package.json changed since the last install.
  if [[ ! -d tests/rdf/node_modules || tests/rdf/package.json -nt tests/rdf/node_modules ]]; then
    echo "setup: installing the engines the export tests drive (npm: jsonld, oxigraph, kuzu, Neo4j's Cypher parser)"
    (cd tests/rdf && npm install --no-audit --no-fund --loglevel=error)
    touch tests/rdf/node_modules
  fi
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

if [[ $examples == 1 ]]; then
  mkdir -p out
  build/cli/toile build examples -o out/examples.toile
  build/cli/toile export out/examples.toile --format svg -o out/examples.svg
  echo "setup: wrote out/examples.toile and out/examples.svg"
fi

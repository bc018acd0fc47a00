#!/usr/bin/env bash
# Gradescope runs this once while it builds the autograder image (Ubuntu base image, as root).
# It makes a virtual environment with the pinned grading requirements beside the bundle.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
cd "$ROOT/source"
if ! python3 -m venv --help >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq python3 python3-venv python3-pip
fi
python3 -m venv "$ROOT/venv"
"$ROOT/venv/bin/pip" install --quiet --upgrade pip
"$ROOT/venv/bin/pip" install --quiet -r requirements.txt

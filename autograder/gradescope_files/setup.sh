#!/usr/bin/env bash
# Gradescope runs this once while it builds the autograder image (Ubuntu base image, as root).
# It makes a virtual environment with the pinned grading requirements beside the bundle, then
# proves that student code can run in it as the unprivileged user `nobody`: it fails loudly
# otherwise, since grading would then refuse every submission.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
# The system Python, named explicitly rather than the first python3 on PATH: a Python installed
# under /root (pyenv) is out of nobody's reach. NNKIT_PYTHON overrides it.
PYTHON="${NNKIT_PYTHON:-/usr/bin/python3}"
cd "$ROOT/source"
if ! "$PYTHON" -m venv --help >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq python3 python3-venv python3-pip
fi
# bubblewrap confines student code best (private /tmp, no network, kit hidden); optional.
command -v bwrap >/dev/null 2>&1 || apt-get install -y -qq bubblewrap >/dev/null 2>&1 || true
"$PYTHON" -m venv "$ROOT/venv"
"$ROOT/venv/bin/pip" install --quiet --upgrade pip
"$ROOT/venv/bin/pip" install --quiet -r requirements.txt
chmod -R go+rX,go-w "$ROOT/venv"
chmod 700 "$ROOT/source"  # checks and grading data: root's (the student process needs none)
if ! "$ROOT/venv/bin/python" -m autograder check-sandbox; then
  echo "error: set-up failed: student code cannot run as nobody with $PYTHON" >&2
  exit 1
fi

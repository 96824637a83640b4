#!/bin/sh
# Installs what the end-to-end tests drive: Debian packages listed in Scripts/test-tools/*.apt and
# PyPI packages listed in Scripts/test-tools/*.pip (one name or requirement a line, `#` comments).
# PyPI packages go into a virtual environment at .build/test-venv, which the tests run
# (`.build/test-venv/bin/python3`). Without root or apt-get it says exactly what to install.
set -u
cd "$(dirname "$0")/.."
dir=Scripts/test-tools
names() { cat "$dir"/*."$1" 2>/dev/null | sed 's/#.*//' | tr -s ' \t' '\n\n' | sed '/^$/d' | sort -u; }

missing=""
for pkg in $(names apt); do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing with apt-get for the end-to-end tests:$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1; } \
      || echo "warning: could not install$missing; the tests that need them will say they skipped" >&2
  else
    echo "warning: the end-to-end tests need:$missing (sudo apt-get install$missing); those tests will say they skipped" >&2
  fi
fi

reqs=$(names pip)
[ -z "$reqs" ] && exit 0
venv=.build/test-venv
if [ ! -x "$venv/bin/python3" ]; then
  mkdir -p .build
  python3 -m venv "$venv" 2>/dev/null || {
    echo "warning: python3 -m venv failed (Debian: sudo apt-get install python3-venv); the Python-driven tests will say they skipped" >&2
    exit 0
  }
fi
stamp="$venv/.requirements"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$reqs" ]; then
  echo "installing into $venv for the end-to-end tests: $(echo $reqs)" >&2
  if "$venv/bin/python3" -m pip install -q --disable-pip-version-check $reqs >&2; then
    printf '%s' "$reqs" > "$stamp"
  else
    echo "warning: pip could not install $(echo $reqs); the Python-driven tests will say they skipped" >&2
  fi
fi
exit 0

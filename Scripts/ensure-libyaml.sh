#!/bin/sh
# Makes sure the system libyaml (Debian/Ubuntu: libyaml-dev) is there for the CYAML target.
# Installs it when running as root with apt-get; otherwise says exactly what to run.
# The SARIF test validates with Python's jsonschema; it says it skipped when that is missing.
if ! python3 -c "import jsonschema" 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "python3-jsonschema is missing; installing it with apt-get (for the SARIF test)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null 2>&1; } \
    || true
fi
# The plural-rule test checks the built-in rules against CLDR's samples from unicode-cldr-core.
# A fresh machine's package lists may be empty: update them once when the package is not found.
if [ ! -f /usr/share/unicode/cldr/common/supplemental/plurals.xml ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "unicode-cldr-core is missing; installing it with apt-get (for the plural-rule test)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unicode-cldr-core >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unicode-cldr-core >/dev/null 2>&1; } \
    || true
fi
if pkg-config --exists yaml-0.1 2>/dev/null || [ -f /usr/include/yaml.h ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "libyaml-dev is missing; installing it with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config && exit 0
  elif command -v sudo >/dev/null 2>&1; then
    echo "libyaml-dev is missing; installing it with sudo apt-get" >&2
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config && exit 0
  fi
fi
echo "error: ReplyKit needs the system libyaml. Install it with: sudo apt-get install libyaml-dev pkg-config" >&2
echo "       (macOS: brew install libyaml pkg-config)" >&2
exit 1

#!/usr/bin/env bash
# The console's browser tests (system-tests, run by mvn verify) drive Debian's headless Chromium through its
# WebDriver: this makes sure both are here. When either is missing it installs the Debian packages chromium and
# chromium-driver with apt-get if it runs as root (as CI and the team's machines do), and otherwise fails, naming
# the two packages. Called by the tests' Browser before the first browser starts, and by .ci/run.
# CHROMIUM and CHROMEDRIVER name other paths (the tests read the same two variables).
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}
driver=${CHROMEDRIVER:-/usr/bin/chromedriver}
packages=(chromium chromium-driver)

present() { [[ -x $chromium && -x $driver ]]; }

install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${packages[@]}" || { apt-get update -q && apt-get install -y -q "${packages[@]}"; }
}

if present; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "The browser tests need Chromium ($chromium) and its WebDriver ($driver): install the Debian packages" \
       "${packages[*]} (sudo apt-get install -y ${packages[*]}), then run the tests again." >&2
  exit 1
fi
echo "Installing ${packages[*]} for the browser tests..." >&2
if ! install >&2 || ! present; then
  echo "Could not install ${packages[*]} (apt-get install -y ${packages[*]}), or $chromium or $driver is still" \
       "missing after it: the browser tests cannot run without them." >&2
  exit 1
fi

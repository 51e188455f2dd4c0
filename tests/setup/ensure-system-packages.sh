#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium and need CJK fonts (without them Chinese renders as boxes).
# As root the packages are installed; otherwise we stop with the exact command to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing ${missing[*]} with apt-get…"
  apt-get update -qq
  # An install cut short before (a cancelled job) leaves dpkg half-configured, and apt refuses to
  # install anything until it is finished: finishing it first is a no-op when nothing is pending.
  DEBIAN_FRONTEND=noninteractive dpkg --configure -a
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

#!/usr/bin/env bash
# One-time set-up on Debian/Ubuntu: the browsers and PACS the tests drive, then the npm packages.
#   npm run setup        (or: bash scripts/setup.sh)
# Uses sudo when not root. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: not root and no sudo; run as root" >&2; exit 1; }
  SUDO="sudo"
fi

echo "== apt: chromium firefox-esr orthanc orthanc-dicomweb"
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-l10n firefox-esr orthanc orthanc-dicomweb

# The orthanc package installs a system service; the tests start their own Orthanc on a free loopback
# port, so no system Orthanc should listen (port 8042/4242 on all interfaces).
if [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now orthanc 2>/dev/null || true
fi

echo "== npm ci"
npm ci
if [ -f tests/e2e/ohif/package.json ]; then
  echo "== npm ci (tests/e2e/ohif)"
  npm ci --prefix tests/e2e/ohif
fi

echo
echo "Set-up done. Run the tests with:  npm test"

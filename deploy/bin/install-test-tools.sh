#!/usr/bin/env bash
# Installs the programs the tests run besides the JVM: headless Chromium and its WebDriver (Debian's
# `chromium` and `chromium-driver`, giving /usr/bin/chromium and /usr/bin/chromedriver) plus a CJK
# font, for the browser tests; poppler's `pdfsig` and `openssl`, the independent checkers of our
# signed PDFs and time-stamp tokens; Tesseract with its Chinese and English models (`tesseract-ocr`,
# `tesseract-ocr-chi-sim`, `tesseract-ocr-chi-tra`, `tesseract-ocr-eng`), which the copyright service runs to read the text in a
# screenshot (a server that offers that needs them too). test-support's TestTools runs this once per JVM,
# before the browser starts and before the independent checks.
#
# Idempotent: exits 0 at once when everything is there. Otherwise installs with apt-get as root,
# or through `sudo -n` when that works without a password; else exits 2 with a message that says
# what to run. Test tools' own browser downloads (playwright install, puppeteer) do not work on
# the project's machines: only the distribution's packages do.
#
# Exit codes: 0 installed (or already there), 2 cannot install (not root, no sudo, not Debian/apt),
# 3 apt-get failed (e.g. no network / package not found).
set -euo pipefail

PACKAGES=(chromium chromium-driver fonts-wqy-zenhei poppler-utils openssl tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-eng)
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
# A font with Chinese glyphs: without one, Chinese text renders as boxes in screenshots.
CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
PDFSIG=/usr/bin/pdfsig
OPENSSL=/usr/bin/openssl
TESSERACT=/usr/bin/tesseract
TESSDATA=/usr/share/tesseract-ocr/5/tessdata

installed() { [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] && [ -f "$CJK_FONT" ] && [ -x "$PDFSIG" ] && [ -x "$OPENSSL" ] \
  && [ -x "$TESSERACT" ] && [ -f "$TESSDATA/chi_sim.traineddata" ] && [ -f "$TESSDATA/chi_tra.traineddata" ] \
  && [ -f "$TESSDATA/eng.traineddata" ]; }

if installed; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: some of ${PACKAGES[*]} missing and no apt-get here;" \
       "install them by hand (Debian packages: ${PACKAGES[*]})" >&2
  exit 2
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
else
  echo "install-test-tools: some of ${PACKAGES[*]} missing and this user is not root and has no" \
       "password-less sudo; run as root: apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
  exit 2
fi

# Waits for the dpkg/apt lock (another build's install running at the same time) instead of failing.
apt() { "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }

# `apt-get update` only when the package lists do not know the packages yet.
known() {
  local p
  for p in "${PACKAGES[@]}"; do
    apt-cache show --no-all-versions "$p" >/dev/null 2>&1 || return 1
  done
}

echo "install-test-tools: installing ${PACKAGES[*]} with apt-get" >&2
if ! known; then
  apt -q update >&2 || { echo "install-test-tools: apt-get update failed (no network?)" >&2; exit 3; }
fi
if ! apt -q install -y --no-install-recommends "${PACKAGES[@]}" >&2; then
  # Stale package lists (a version the mirror no longer has): refresh once and try again.
  echo "install-test-tools: apt-get install failed; refreshing the package lists and retrying" >&2
  apt -q update >&2 && apt -q install -y --no-install-recommends "${PACKAGES[@]}" >&2 \
    || { echo "install-test-tools: apt-get install ${PACKAGES[*]} failed (no network?)" >&2; exit 3; }
fi

if ! installed; then
  echo "install-test-tools: apt-get succeeded but $CHROMIUM, $CHROMEDRIVER, $CJK_FONT, $PDFSIG, $OPENSSL, $TESSERACT or its" \
       "chi_sim/chi_tra/eng models in $TESSDATA are missing" >&2
  exit 3
fi
echo "install-test-tools: $("$CHROMIUM" --version 2>/dev/null || echo chromium), $("$CHROMEDRIVER" --version 2>/dev/null | head -n 1), $("$PDFSIG" -v 2>&1 | head -n 1)" >&2

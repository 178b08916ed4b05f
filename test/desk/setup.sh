#!/usr/bin/env bash
# One-time (idempotent) setup of what test/desk needs beyond npm, as a person checks an issue: LibreOffice Writer
# (headless, turns .docx into PDF), poppler-utils (pdftoppm: the first page as PNG) and Noto CJK (the stand-in for
# the fonts Chinese offices use; test/desk/fonts.conf maps them). Debian packages; nothing is done when present.
set -euo pipefail
APT_PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-noto-cjk)
if dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1 && command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  exit 0
fi
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null

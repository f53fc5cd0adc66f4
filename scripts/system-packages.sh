#!/usr/bin/env bash
# Debian/Ubuntu packages the reports need, installed only when missing: a CJK font (chart text;
# without one the charts are left out with a warning) and LibreOffice + poppler (the tests open
# the Excel and Word reports headless and read the PDF pages). For the collection tests: Chromium
# (a real browser fills the form, driven by playwright-core, which downloads no browser) and
# PostgreSQL (each test run starts a throwaway cluster of its own on 127.0.0.1; nothing is served).
set -euo pipefail
need=()
{ command -v fc-list >/dev/null && fc-list :lang=zh file | grep -q .; } || need+=(fontconfig fonts-noto-cjk)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
echo "installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

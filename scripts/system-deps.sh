#!/usr/bin/env bash
# Installs the Debian packages socialguard uses outside Python (OCR, a browser for page
# tests), when they are missing and we may install them; otherwise says how.
set -u
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if [ "${SG_SKIP_BROWSER:-0}" != 1 ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} (Debian packages)..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Optional system packages missing: ${need[*]}"
  echo "  install them with: sudo apt-get install ${need[*]}"
  echo "  (without them OCR and browser tests are skipped with a reason)"
fi
exit 0

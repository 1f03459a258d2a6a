#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Switchboard needs that are not installed yet.
#   scripts/install-deps.sh [build|test|all]   (default: build)
set -euo pipefail

build_packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev libqcustomplot2.1-qt6 libssl-dev
    fonts-dejavu-core)
test_packages=(sqlite3 xvfb xauth postgresql postgresql-contrib openssl
    freeradius freeradius-utils kamailio kamailio-sqlite-modules kamailio-extra-modules sipsak osmo-hlr
    python3-aiosmtpd swaks)

case "${1:-build}" in
    build) wanted=("${build_packages[@]}") ;;
    test|all) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
    *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
else
    echo "These packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
fi
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

# Servers installed here only for the tests must not keep running as system services: the tests start their own
# on loopback, and osmo-hlr's CTRL port (4259) cannot be changed, so a running system osmo-hlr would take it.
# Servers that were installed before are left as they are.
if command -v systemctl >/dev/null 2>&1; then
    for service in osmo-hlr freeradius kamailio; do
        if [[ " ${missing[*]} " == *" $service "* ]] && systemctl is-active --quiet "$service" 2>/dev/null; then
            "${sudo_cmd[@]}" systemctl disable --now "$service" >/dev/null 2>&1 || true
        fi
    done
fi

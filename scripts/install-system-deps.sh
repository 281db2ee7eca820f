#!/usr/bin/env bash
# Installs the Debian packages the test suite and the demo need, when missing:
# Buildah (the builder), docker-registry (distribution 2.8, the local
# registry), busybox-static (base images without the internet), git, rsync,
# openssl and apache2-utils (TLS and htpasswd for registry variants).
set -euo pipefail
packages=(buildah docker-registry busybox-static git rsync openssl apache2-utils uidmap ca-certificates)
# kubectl (kube-sim's conformance suite) ships with the machine image; install it only if absent.
command -v kubectl >/dev/null || packages+=(kubectl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

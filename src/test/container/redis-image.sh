#!/usr/bin/env bash
# Stands in for the public Redis image that server-config/kubernetes/redis.yaml names, where no registry is reachable:
# Debian's redis-server (7.0, as the image's tag), made with mmdebstrap and imported under that name, once.
#   src/test/container/redis-image.sh IMAGE
set -euo pipefail
image="${1:?image name, e.g. docker.io/library/redis:7.0}"
engine="${ENGINE:-podman}"
"$engine" image inspect "$image" >/dev/null 2>&1 && exit 0
rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
mmdebstrap --quiet --variant=minbase --include=redis-server --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  bookworm "$rootfs/rootfs.tar" "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
"$engine" import --change 'ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  "$rootfs/rootfs.tar" "$image" >/dev/null

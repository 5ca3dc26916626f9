#!/usr/bin/env bash
# Makes an image from Debian 12's packages with mmdebstrap, once (an image of that name already there is kept): for
# machines that reach no image registry. build-image.sh makes its BASE=debian with it; the container test its Redis.
#
#   server-config/container/debian-image.sh IMAGE PACKAGE...      (as root; ENGINE=podman or docker)
#
# Minimal (merged /usr, so that usrmerge and its perl stay out), without manuals, translations and docs (their
# copyright files stay), nor the parts of a JDK a runtime does not use (ct.sym is javac's, the non-compressed-oops
# archive serves heaps over 32 GB only); the updates' and security updates' archives included.
set -euo pipefail
image="${1:?image name}"
shift
packages="${*:?packages to install}"
engine="${ENGINE:-podman}"
"$engine" image inspect "$image" >/dev/null 2>&1 && exit 0
if ! command -v mmdebstrap >/dev/null; then
  echo "an image from Debian's packages needs mmdebstrap (apt-get install mmdebstrap)" >&2
  exit 1
fi
rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
# (openjdk's set-up links its manual page into /usr/share/man/man1: the directory must be there)
mmdebstrap --quiet --variant=minbase --include="${packages// /,}" \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/lib/jvm/*/lib/ct.sym' \
  --dpkgopt='path-exclude=/usr/lib/jvm/*/lib/server/classes_nocoops.jsa' \
  bookworm "$rootfs/rootfs.tar" \
  "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian bookworm-updates main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
# an imported file system has no PATH of its own
"$engine" import --change 'ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  "$rootfs/rootfs.tar" "$image" >/dev/null

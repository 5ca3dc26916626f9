#!/usr/bin/env bash
# Builds the token service's container image from Containerfile: verify-token:<project version>.
#
#   server-config/container/build-image.sh
#
# Environment (all optional):
#   BASE    the base image: any image with Java 17 or newer and bash (docker.io/library/eclipse-temurin:17-jre);
#           debian: a base made here from Debian's packages with mmdebstrap (bookworm, openjdk-17-jre-headless),
#           for machines that reach no image registry; made once, then reused (localhost/verify-token-base:bookworm)
#   ENGINE  podman (default) or docker
#   IMAGE   the image's name (verify-token:<project version>)
# Builds the WAR and fetches Payara Micro (mvn package) when target/ has not got them.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
engine="${ENGINE:-podman}"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)"
image="${IMAGE:-verify-token:$version}"
base="${BASE:-docker.io/library/eclipse-temurin:17-jre}"

if [ ! -f target/verify-token.war ] || [ ! -f target/payara-micro.jar ]; then
  # (Maven 3.8 writes colour resets even with -B -q: none of them in the output)
  mvn -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
fi

# BASE=debian: Debian 12 with its Java 17 runtime (debian-image.sh)
if [ "$base" = debian ]; then
  base=localhost/verify-token-base:bookworm
  bash "$repo/server-config/container/debian-image.sh" "$base" openjdk-17-jre-headless
fi

# The build context: only what the image holds
context="$repo/target/container"
rm -rf "$context"
mkdir -p "$context/server-config/production" "$context/root-dir"
cp target/payara-micro.jar target/verify-token.war "$context/"
cp server-config/production/* "$context/server-config/production/"

revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
# (without a user or token that a remote URL may carry)
source_url="$(git config --get remote.origin.url 2>/dev/null | sed "s#://[^/@]*@#://#" || true)"
source_url="${source_url:-unknown}"
"$engine" build --quiet --file server-config/container/Containerfile --tag "$image" --build-arg "BASE=$base" \
  --build-arg "VERSION=$version" --build-arg "REVISION=$revision" --build-arg "SOURCE=$source_url" \
  "$context" >/dev/null
size="$("$engine" image inspect --format '{{.Size}}' "$image")"
echo "$image: $(( size / 1000000 )) MB (base $base)"

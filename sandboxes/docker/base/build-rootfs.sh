#!/usr/bin/env bash
# Registry-free base image: a Debian 12 (bookworm) minbase root filesystem made with
# debootstrap from an apt mirror, imported with `docker import`.
#   sandboxes/docker/base/build-rootfs.sh TAG [MIRROR]
set -euo pipefail
tag=$1
mirror=${2:-http://deb.debian.org/debian}
work=$(mktemp -d /tmp/irgroups-rootfs.XXXXXX)
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\n' "$mirror" "$mirror" > "$work/rootfs/etc/apt/sources.list"
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
tar -C "$work/rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$tag" >/dev/null
echo "$tag"

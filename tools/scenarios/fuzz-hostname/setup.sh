# never outside the namespace's own UTS namespace: the host's name must not change
[ "$(readlink /proc/self/ns/uts)" != "$(readlink /proc/1/ns/uts)" ] || { echo "not in a UTS namespace of its own" >&2; exit 1; }
hostname myhost
domainname nis.old
ip link set lo up

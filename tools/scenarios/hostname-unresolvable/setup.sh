# never outside the namespace's own UTS namespace: the host's name must not change
[ "$(readlink /proc/self/ns/uts)" != "$(readlink /proc/1/ns/uts)" ] || { echo "not in a UTS namespace of its own" >&2; exit 1; }
hostname vm
printf '(none)\n' > /proc/sys/kernel/domainname
ip link set lo up
ip link add v0 address 02:00:00:00:07:01 type veth peer name v1 address 02:00:00:00:07:02
ip addr add 10.1.0.1/24 brd + dev v0
ip addr add 10.1.0.2/24 dev v0
ip addr add 10.2.0.1/16 dev v0 label v0:5
ip -6 addr add 2001:db8:1::1/64 dev v0 nodad
ip -6 addr add fd00:1::5/48 dev v0 nodad
ip addr add 172.16.0.1/12 dev v1
ip -6 addr add 2001:db8:2::1/64 dev v1 nodad
ip link set v0 up
ip link set v1 up
ip tuntap add mode tap tap0
ip link set tap0 address 02:00:00:00:07:10
ip addr add 10.9.0.1/24 dev tap0
ip -6 addr add 2001:db8:d0::1/64 dev tap0 nodad
ip tuntap add mode tun tun0
ip addr add 10.8.0.1 peer 10.8.0.2/32 dev tun0
ip -6 addr add 2001:db8:9::1 peer 2001:db8:9::2 dev tun0 nodad
ip -6 addr add fe80::1/64 dev tun0 nodad
ip link set tun0 up

# A host whose routes `route add|del` changes: two veth pairs (v2/v3 down), an alias label,
# IPv4 default, multipath, unreachable and table-100 routes; IPv6 only on v0 (two devices
# coming up together add their link-local routes in either order), with a multipath route;
# waits until the link-local routes are in, so that every run starts from the same tables.
ip link set lo up
ip link add v0 address 02:00:00:00:06:21 type veth peer name v1 address 02:00:00:00:06:22
ip link add v2 address 02:00:00:00:06:23 type veth peer name v3 address 02:00:00:00:06:24
for d in v1 v2 v3; do sysctl -qw net.ipv6.conf.$d.disable_ipv6=1; done
ip addr add 10.1.0.1/24 dev v0
ip addr add 10.2.0.1/16 dev v0 label v0:5
ip addr add 172.16.0.1/12 dev v1
ip link set v0 up
ip link set v1 up
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip route add default via 10.1.0.254
ip route add 10.75.0.0/16 nexthop via 10.1.0.7 nexthop via 10.1.0.8
ip route add unreachable 10.70.0.0/16
ip route add 10.80.0.0/16 via 10.1.0.5 table 100
ip -6 route add 2001:db8:9::/48 nexthop via 2001:db8::7 dev v0 nexthop via 2001:db8::8 dev v0
ip -6 route add 2001:db8:10::/48 via 2001:db8::7 dev v0 metric 1
for i in $(seq 100); do
  [ "$(ip -6 route show table local | grep -c '^local fe80')" -ge 1 ] && break
  sleep 0.05
done

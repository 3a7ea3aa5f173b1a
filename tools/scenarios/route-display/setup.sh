# The routing-table zoo: IPv4 default, gateway and device routes, metrics (one above 2^31),
# unreachable/prohibit/blackhole/throw, advmss/window/rtt metrics, a gateway over IPv6, a
# two-hop multipath, tos, local and broadcast routes in the main table, a route in table 100;
# IPv6 routes in three tables, unreachable, through lo, onlink, local, multipath, v4-mapped,
# a long destination, a default via a link-local router; names from hosts and networks.
ip link set lo up
ip link add v0 address 02:00:00:00:06:01 type veth peer name v1 address 02:00:00:00:06:02
ip link add v2 address 02:00:00:00:06:03 type veth peer name v3 address 02:00:00:00:06:04
ip addr add 10.1.0.1/24 dev v0
ip addr add 10.2.0.1/16 dev v0 label v0:5
ip addr add 172.16.0.1/12 dev v1
ip addr add 192.168.50.1/24 dev v2
ip link set v0 up
ip link set v1 up
ip link set v2 up
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip route add default via 10.1.0.254
ip route add 169.254.0.0/16 dev v1 metric 1000
ip route add 127.0.0.0/8 via 10.1.0.253
ip route add 10.1.0.200 via 10.1.0.254 metric 5
ip route add 10.60.0.0/16 dev v0 metric 4294967295
ip route add 10.61.0.0/16 dev v0 metric 2147483648
ip route add unreachable 10.70.0.0/16
ip route add prohibit 10.71.0.0/16 metric 3
ip route add blackhole 10.72.0.0/16
ip route add throw 10.76.0.0/16
ip route add 10.73.0.5 via 10.1.0.9 advmss 1400 window 8192 rtt 80ms
ip route add 10.73.0.6 dev v0 advmss 65000 window 4294967295 rtt 3s
ip route add 10.74.0.0/16 via inet6 fe80::1 dev v0
ip route add 10.75.0.0/16 nexthop via 10.1.0.7 nexthop via 10.1.0.8
ip route add 10.77.0.0/16 tos 0x10 dev v0
ip route add 10.77.0.0/16 dev v0 metric 9
ip route add local 10.78.0.1 dev v0 table main
ip route add broadcast 10.79.0.255 dev v0 table main
ip route add 10.80.0.0/16 via 10.1.0.5 table 100
ip route add 10.81.0.0/16 dev v2 src 192.168.50.1
ip route add 0.0.0.0/1 dev v0
ip route add 10.1.0.0/24 dev v1 metric 50
ip -6 route add 2001:db8:5::/48 via 2001:db8::99 table 100
ip -6 route add 2001:db8:5::/48 via 2001:db8::99 table 300
ip -6 route add unreachable 2001:db8:6::/48
ip -6 route add prohibit 2001:db8:7::/48 metric 7
ip -6 route add default via fe80::1 dev v0
ip -6 route add 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1/128 dev v0
ip -6 route add 2001:db8:55::/48 via 2001:db8::55 dev v0 onlink
ip -6 route add 2001:db8:66::/48 dev lo
ip -6 route add local 2001:db8:88::1 dev v0
ip -6 route add 2001:db8:9::/48 nexthop via 2001:db8::7 dev v0 nexthop via 2001:db8::8 dev v0
ip -6 route add ::ffff:10.1.2.3/128 dev v0
ip -6 route add 2001:db8:44::/64 dev v1 metric 4294967295
ip -6 route add 2001:db8:45::/64 dev v1 expires 86400

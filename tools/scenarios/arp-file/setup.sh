# The arp-edit host, for arp -f: this scenario's /etc/hosts doubles as an ethers file (the
# namespace has no /etc/ethers of its own: ip netns exec can only bind files that exist on
# the host), with host-first and MAC-first lines, quoting, modifiers, comments and broken
# lines; /etc/networks ends in a line whose unknown word makes arp stop with its usage.
ip link set lo up
ip link add v0 address 02:00:00:00:0a:01 type veth peer name v1 address 02:00:00:00:0a:02
ip link add v2 address 02:00:00:00:0b:01 type veth peer name v3 address 02:00:00:00:0b:02
ip addr add 10.1.0.1/24 dev v0
ip addr add 172.16.0.1/16 dev v2
for d in v0 v1 v2 v3; do ip link set $d up; done
ip route add default via 10.1.0.254
ip route add 10.7.0.0/16 dev v2 scope global
ip neigh add 10.1.0.2 dev v0 lladdr 02:00:00:00:01:02 nud permanent
ip neigh add 10.1.0.3 dev v0 lladdr 02:00:00:00:01:03 nud stale
ip neigh add 10.1.0.4 dev v0 lladdr 02:00:00:00:01:04 nud noarp
ip neigh add 10.1.0.2 dev v2 lladdr 02:00:00:00:02:02 nud permanent
ip neigh add proxy 10.1.0.100 dev v0
ip neigh add proxy 172.16.0.100 dev v2
ip neigh add proxy 10.9.9.9
sysctl -q -w net.ipv4.conf.v2.proxy_arp=1

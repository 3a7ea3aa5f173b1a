# veth pair with several IPv4 addresses (primary, secondary, unlabelled, labelled alias),
# broadcast set and unset, IPv6 global/ULA/link-local; pinned MACs so link-local is fixed.
ip link set lo up
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip addr add 10.1.0.1/24 dev v0
ip addr add 10.1.0.2/24 dev v0
ip addr add 192.168.7.1/32 dev v0
ip addr add 10.2.0.1/16 brd + dev v0 label v0:5
ip addr add 172.16.0.1/12 brd + dev v1
ip addr add 10.3.0.1/24 brd + dev v1 label v1:8
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip -6 addr add fd00::5/48 dev v0 nodad
ip link set v0 up
ip link set v1 up

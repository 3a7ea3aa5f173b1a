# A small host for route's option grammar, usage texts and the errors that change nothing.
ip link set lo up
ip link add v0 address 02:00:00:00:06:11 type veth peer name v1 address 02:00:00:00:06:12
ip addr add 10.1.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip route add default via 10.1.0.254

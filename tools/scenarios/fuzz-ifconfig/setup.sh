# A small host to change: a veth pair with a primary, a secondary, a labelled alias and an
# IPv6 address on v0, a point-to-point tun, a tap that is down, loopback up.
ip link set lo up
ip link add v0 address 02:00:00:00:05:01 type veth peer name v1 address 02:00:00:00:05:02
ip addr add 10.1.0.1/24 brd + dev v0
ip addr add 10.1.0.2/24 dev v0
ip addr add 10.2.0.1/16 brd + dev v0 label v0:5
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip addr add 172.16.0.1/12 brd + dev v1
ip link set v0 up
ip link set v1 up
ip tuntap add mode tun tun0
ip addr add 10.8.0.1 peer 10.8.0.2 dev tun0
ip link set tun0 up
ip tuntap add mode tap tap0
ip link set tap0 address 02:00:00:00:05:10

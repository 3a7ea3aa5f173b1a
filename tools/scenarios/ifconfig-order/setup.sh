# Names that nstrcmp orders differently from ifindex or strcmp: digits, aliases, '_', 15 chars.
ip link add v10 address 02:00:00:00:02:10 type veth peer name v9 address 02:00:00:00:02:09
ip link add v02 address 02:00:00:00:02:02 type veth peer name abcdefghijklmno address 02:00:00:00:02:ff
ip link add t_bridge address 02:00:00:00:02:b0 type bridge
ip tuntap add mode tap tap0
ip link set tap0 address 02:00:00:00:02:a0
ip link set lo up
ip addr add 10.10.0.1/24 dev v10
ip addr add 10.10.9.1/24 dev v10 label v10:9
ip addr add 10.10.12.1/24 dev v10 label v10:12345
ip addr add 10.10.13.1/24 dev v10 label v10:abc
ip addr add 10.15.0.1/24 dev abcdefghijklmno
for l in v10 v9 v02 abcdefghijklmno t_bridge; do ip link set "$l" up; done

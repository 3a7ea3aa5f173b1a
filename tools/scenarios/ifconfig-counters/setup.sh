# Traffic across the veth pair (a permanent neighbour sends v0's packets to v1), enough to pass
# 1 KiB and 1 MiB; and packets sent to a tap with no reader, which are dropped.
ip link add v0 address 02:00:00:00:04:01 type veth peer name v1 address 02:00:00:00:04:02
ip addr add 10.4.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip neigh add 10.4.0.9 lladdr 02:00:00:00:04:02 dev v0 nud permanent
payload=$(head -c 1400 /dev/zero | tr '\0' x)
for i in $(seq 1 800); do printf '%s' "$payload" > /dev/udp/10.4.0.9/9; done
ip tuntap add mode tap tap0
ip link set tap0 address 02:00:00:00:04:10 up
ip addr add 10.77.0.1/24 dev tap0
ip neigh add 10.77.0.9 lladdr 02:00:00:00:04:99 dev tap0 nud permanent
for i in $(seq 1 3); do printf 'hello' > /dev/udp/10.77.0.9/9 || true; done
ip link add v2 address 02:00:00:00:04:03 type veth peer name v3 address 02:00:00:00:04:04
ip addr add 10.5.0.1/24 dev v2
ip link set v2 up
ip link set v3 up
ip neigh add 10.5.0.9 lladdr 02:00:00:00:04:04 dev v2 nud permanent
printf '%s' "$(head -c 600 /dev/zero | tr '\0' y)" > /dev/udp/10.5.0.9/9

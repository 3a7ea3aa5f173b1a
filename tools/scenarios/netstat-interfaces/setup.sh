# The interface table: nstrcmp order (digits, aliases, '_', a 15-character name), labelled
# addresses as alias rows without statistics, a down interface, IPv6, and counters moved by
# traffic across a veth pair (past 1 KiB and 1 MiB) and to a tap nobody reads (drops).
ip link set lo up
ip link add v10 address 02:00:00:00:02:10 type veth peer name v9 address 02:00:00:00:02:09
ip link add v02 address 02:00:00:00:02:02 type veth peer name abcdefghijklmno address 02:00:00:00:02:ff
ip link add t_bridge address 02:00:00:00:02:b0 type bridge
ip addr add 10.10.0.1/24 dev v10
ip addr add 10.10.9.1/24 dev v10 label v10:9
ip addr add 10.10.12.1/24 dev v10 label v10:12345
ip addr add 10.15.0.1/24 dev abcdefghijklmno
ip -6 addr add 2001:db8:10::1/64 dev v10 nodad
for l in v10 v9 abcdefghijklmno t_bridge; do ip link set "$l" up; done
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
ip addr add 10.77.1.1/24 dev tap0 label tap0:1
ip neigh add 10.77.0.9 lladdr 02:00:00:00:04:99 dev tap0 nud permanent
for i in $(seq 1 3); do printf 'hello' > /dev/udp/10.77.0.9/9 || true; done

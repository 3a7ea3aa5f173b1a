# Every link kind this kernel can make: tun (no hardware address: UNSPEC), tap without a
# reader (no carrier), ifb (NOARP), macvlan (down), bridge, vxlan; flags and sizes varied.
ip link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02
ip tuntap add mode tun tun0
ip addr add 10.8.0.1 peer 10.8.0.2 dev tun0
ip link set tun0 up
ip tuntap add mode tap tap0
ip link set tap0 address 02:00:00:00:01:10 mtu 9000
ip link set tap0 up
ip link add ifb0 type ifb
ip link set ifb0 txqueuelen 0 up
ip link add link v0 name mv0 address 02:00:00:00:01:20 type macvlan mode bridge
ip link add t_bridge address 02:00:00:00:01:30 type bridge
ip link set t_bridge mtu 1400 up
ip link add t_vxlan address 02:00:00:00:01:40 type vxlan id 42 dstport 4789 local 10.9.0.1
ip addr add 10.9.0.1/24 dev v0
ip link set v0 up
ip link set v1 promisc on allmulticast on arp off txqueuelen 5000
ip link set v1 dynamic on
ip link set v1 up
ip link set t_vxlan up

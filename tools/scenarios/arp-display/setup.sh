# Two veth pairs with permanent neighbours (named and unnamed, a name longer than the 23-byte
# column, a name starting with '?', 10.1.0.0 and 0.x.y.z addresses that go to getnetbyaddr or
# not, one address on both interfaces), entries that arp hides (noarp, none), and proxy
# entries on each interface and without one. Only permanent entries: the hash order and the
# states cannot move between the original's runs and ours.
ip link set lo up
ip link add v0 address 02:00:00:00:0a:01 type veth peer name v1 address 02:00:00:00:0a:02
ip link add v2 address 02:00:00:00:0b:01 type veth peer name v3 address 02:00:00:00:0b:02
ip addr add 10.1.0.1/24 dev v0
ip addr add 172.16.0.1/16 dev v2
for d in v0 v1 v2 v3; do ip link set $d up; done
for i in 2 3 4 5 6 7 8 9 10 11 12; do
  ip neigh add 10.1.0.$i dev v0 lladdr 02:00:00:00:01:$(printf %02x $i) nud permanent
done
ip neigh add 10.1.0.0 dev v0 lladdr 02:00:00:00:01:00 nud permanent
ip neigh add 0.1.0.5 dev v0 lladdr 02:00:00:00:01:f5 nud permanent
ip neigh add 0.1.0.0 dev v0 lladdr 02:00:00:00:01:f0 nud permanent
ip neigh add 10.1.0.40 dev v0 lladdr 02:00:00:00:01:40 nud noarp
ip neigh add 10.1.0.41 dev v0 nud none
for i in 2 3 4; do
  ip neigh add 172.16.0.$i dev v2 lladdr 02:00:00:00:02:$(printf %02x $i) nud permanent
done
ip neigh add 10.1.0.3 dev v2 lladdr 02:00:00:00:02:33 nud permanent
ip neigh add proxy 10.1.0.100 dev v0
ip neigh add proxy 172.16.0.100 dev v2
ip neigh add proxy 10.9.9.9

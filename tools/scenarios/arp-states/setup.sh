# One neighbour in every state the kernel has, on two interfaces. The timers that move
# states on are made an hour long (delay_probe, retrans, base_reachable), so that what arp
# shows (C for reachable, stale, delay and probe; "(incomplete)" for incomplete and failed;
# nothing for noarp and none) stays put while the cases run. The peers have no addresses:
# probes are never answered.
ip link set lo up
ip link add v0 address 02:00:00:00:0c:01 type veth peer name v1 address 02:00:00:00:0c:02
ip link add v2 address 02:00:00:00:0d:01 type veth peer name v3 address 02:00:00:00:0d:02
ip addr add 10.3.0.1/24 dev v0
ip addr add 10.4.0.1/24 dev v2
for d in v0 v1 v2 v3; do ip link set $d up; done
for d in v0 v2; do
  ip ntable change name arp_cache dev $d delay_probe 3600000 retrans 3600000 base_reachable 3600000
done
ip neigh add 10.3.0.2 dev v0 lladdr 02:00:00:00:03:02 nud permanent
ip neigh add 10.3.0.3 dev v0 lladdr 02:00:00:00:03:03 nud reachable
ip neigh add 10.3.0.4 dev v0 lladdr 02:00:00:00:03:04 nud stale
ip neigh add 10.3.0.5 dev v0 lladdr 02:00:00:00:03:05 nud delay
ip neigh add 10.3.0.6 dev v0 lladdr 02:00:00:00:03:06 nud probe
ip neigh add 10.3.0.7 dev v0 nud failed
ip neigh add 10.3.0.8 dev v0 nud incomplete
ip neigh add 10.3.0.9 dev v0 lladdr 02:00:00:00:03:09 nud noarp
ip neigh add 10.3.0.10 dev v0 nud none
ip neigh add 10.4.0.2 dev v2 lladdr 02:00:00:00:04:02 nud permanent
ip neigh add 10.4.0.3 dev v2 lladdr 02:00:00:00:04:03 nud stale
ip neigh add 10.4.0.4 dev v2 nud failed
ip neigh add proxy 10.4.0.100 dev v2

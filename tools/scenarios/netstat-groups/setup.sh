# Group memberships: IPv4 groups joined once and twice on v0, an IPv6 group, and the groups
# every interface joins (224.0.0.1, ff02::1, ff01::1, solicited-node). hosts names some.
ip link set lo up
ip link add v0 address 02:00:00:00:05:01 type veth peer name v1 address 02:00:00:00:05:02
ip addr add 10.1.0.1/24 dev v0
ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip link set v0 up
ip link set v1 up
dir=$(mktemp -d "$SCENARIO_TMP/nts-netstat.XXXXXX")
setsid timeout 900 python3 "$SCENARIO_DIR/holder.py" "$dir/ready" "$(cat /sys/class/net/v0/ifindex)" </dev/null >/dev/null 2>&1 &
for _ in $(seq 100); do [ -e "$dir/ready" ] && break; sleep 0.1; done
[ -e "$dir/ready" ]
rm -rf "$dir"
